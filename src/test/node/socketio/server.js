// A real Socket.IO 4.x server for KLine Live's interop tests (src/test/java/.../socketio/SocketIoInteropTest).
//
//   node server.js [--transports websocket,polling|polling] [--trades N] [--every-ms MS] [--event NAME]
//                  [--await-subscribe] [--ack-every K] [--refuse-websocket] [--disconnect-after N]
//
// Listens on a free port of 127.0.0.1 and prints one line `listening PORT`. To every client that connects to
// the namespace "/" or "/prices" (after its `subscribe` event with --await-subscribe) it emits N trades on the
// event NAME (default "trade"), one every MS milliseconds, each trade between two noise events ("news",
// "heartbeat") the client must ignore; every K-th trade asks for an acknowledgement. It prints each trade it
// emitted as `sent JSON`, each acknowledgement as `ack ID`, a transport upgrade as `upgraded websocket`, and
// `done` after the last trade. --refuse-websocket offers the upgrade in the handshake but refuses the WebSocket
// itself (403), as a proxy that blocks WebSocket would; --disconnect-after N disconnects the client from its
// namespace after N trades. It stops by itself 60 s after start, whatever happens.
"use strict";
const http = require("http");
const { Server } = require("socket.io");

function option(name, fallback) {
  const i = process.argv.indexOf("--" + name);
  if (i < 0) return fallback;
  const value = process.argv[i + 1];
  return value === undefined || value.startsWith("--") ? true : value;
}

const transports = String(option("transports", "polling,websocket")).split(",");
const trades = Number(option("trades", 200));
const everyMs = Number(option("every-ms", 2));
const event = String(option("event", "trade"));
const awaitSubscribe = option("await-subscribe", false) === true;
const ackEvery = Number(option("ack-every", 0));
const refuseWebSocket = option("refuse-websocket", false) === true;
const disconnectAfter = Number(option("disconnect-after", 0));
const BASE_TIME = 1764073200000; // 2025-11-25T12:20:00Z

const httpServer = http.createServer();
const io = new Server(httpServer, {
  transports,
  pingInterval: 2000,
  pingTimeout: 2000,
});
if (refuseWebSocket) {
  // Engine.IO still lists "websocket" in its handshake; the upgrade request itself is refused, as by a proxy.
  httpServer.removeAllListeners("upgrade");
  httpServer.on("upgrade", (req, socket) => {
    console.log("refused websocket");
    socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });
}

function trade(i) {
  // Prices and quantities on a grid of exact binary fractions, so every value prints and parses exactly.
  return {
    sym: "BTCUSDT",
    data: { id: i, ts: BASE_TIME + i * 137, px: 43000 + (i % 40) * 0.25, qty: ((i % 7) + 1) / 8 },
  };
}

function stream(socket) {
  let i = 1;
  const timer = setInterval(() => {
    if (i > trades || !socket.connected) {
      clearInterval(timer);
      if (i > trades) console.log("done");
      return;
    }
    if (disconnectAfter > 0 && i > disconnectAfter) {
      clearInterval(timer);
      console.log("disconnecting");
      socket.disconnect(true);
      return;
    }
    const t = trade(i);
    socket.emit("news", { headline: "noise " + i });
    if (ackEvery > 0 && i % ackEvery === 0) {
      const id = i;
      socket.timeout(10000).emit(event, t, (err) => console.log(err ? "ack-timeout " + id : "ack " + id));
    } else {
      socket.emit(event, t);
    }
    socket.emit("heartbeat", i);
    console.log("sent " + JSON.stringify(t));
    i++;
  }, everyMs);
}

function serve(namespace) {
  namespace.on("connection", (socket) => {
    console.log("connected " + namespace.name + " " + socket.conn.transport.name);
    socket.conn.on("upgrade", (transport) => console.log("upgraded " + transport.name));
    if (awaitSubscribe) {
      socket.on("subscribe", (symbol) => {
        console.log("subscribed " + symbol);
        stream(socket);
      });
    } else {
      stream(socket);
    }
  });
}

serve(io.of("/"));
serve(io.of("/prices"));

httpServer.listen(0, "127.0.0.1", () => console.log("listening " + httpServer.address().port));
setTimeout(() => process.exit(0), 60000).unref();
process.stdin.on("end", () => process.exit(0)); // the test's JVM went away
process.stdin.resume();
