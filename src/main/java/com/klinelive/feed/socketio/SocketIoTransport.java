package com.klinelive.feed.socketio;

import com.klinelive.feed.transport.BoundedBody;
import com.klinelive.feed.transport.Transport;
import com.klinelive.feed.transport.TransportEvents;
import com.klinelive.feed.transport.TransportKind;
import com.klinelive.feed.transport.TransportRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Socket.IO 4.x client session (Engine.IO v4, Socket.IO v5) for one namespace, delivering the first argument of
 * one named event as a message: {@code 42["trade",{"sym":"BTCUSDT",..}]} reaches {@link TransportEvents#onMessage}
 * as {@code {"sym":"BTCUSDT",..}}. Other events are counted and ignored; acknowledgements the server asks for are
 * sent.
 *
 * <p>The session, as the protocol has it: a handshake over HTTP long polling ({@code 0{"sid":..}}), the namespace
 * {@code CONNECT}, then a loop of one held {@code GET} and at most one {@code POST} at a time. When the server
 * offers {@code websocket}, a WebSocket is probed alongside ({@code 2probe}, {@code 3probe}); once the probe is
 * answered polling pauses (the server ends the held poll with a {@code noop}), the last poll answer is read, and
 * {@code 5} switches the session to the WebSocket, where the server goes on with what it had buffered: nothing is
 * lost or delivered twice. A refused or silent probe leaves the session on long polling. The server pings every
 * {@code pingInterval}; each ping is answered, and a server silent for {@code pingInterval + pingTimeout} ends the
 * session. {@link #kind()} is the channel in use.
 *
 * <p>Bounds: a poll answer over {@value #MAX_POLL_ANSWER_BYTES} bytes or {@value #MAX_PACKETS_PER_ANSWER}
 * packets ends the session; a packet over the message limit (plus room for its head) is a counted rejection
 * (on the WebSocket a frame that large closes it, 1009); what we send is held in a queue of at most
 * {@value #MAX_QUEUED_PACKETS} packets and posted in bodies of at most the server's {@code maxPayload}; every
 * request has a timeout. Binary events are skipped with their attachments.
 *
 * <p>Threads: HTTP answers arrive on the HTTP client's threads, frames on the WebSocket's; every event and state
 * change happens under this object's lock, so events go out one at a time and none after {@link #close()}.
 *
 * <p>Long because an Engine.IO session is one protocol state under one lock: handshake, polling, probe and upgrade,
 * heartbeat and the send queue all change it. The handshake, the packets, the WebSocket and the settings are
 * classes of their own ({@link EngineIoHandshake}, {@link SocketIoPacket}, {@link EngineWebSocket},
 * {@link SocketIoSettings}).
 */
public final class SocketIoTransport implements Transport {

    static final int MAX_POLL_ANSWER_BYTES = 4 << 20;
    static final int MAX_PACKETS_PER_ANSWER = 100_000;
    static final int MAX_QUEUED_PACKETS = 256;
    /** Room for a packet's head ({@code 42/namespace,id["event",}) around the message it carries. */
    static final int HEAD_ROOM = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SocketIoTransport.class);
    private static final char SEPARATOR = '\u001e';
    private static final long WEBSOCKET_PING_MILLIS = 1_000;
    private static final Duration SLACK = Duration.ofSeconds(5);
    private static final int REASON_MAX = 120;

    private enum Upgrade {
        /** No WebSocket tried (not offered, not wanted). */
        NONE,
        /** A WebSocket is opening or its probe awaits its answer; polling goes on. */
        PROBING,
        /** The probe was answered: polling waits for its requests in flight to end. */
        PAUSING,
        /** The session is on the WebSocket. */
        DONE,
        /** The WebSocket was refused or did not answer: the session stays on long polling. */
        FAILED
    }

    private final TransportRequest request;
    private final TransportEvents events;
    private final SocketIoSettings settings;
    private final SocketIoEndpoint endpoint;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final String quotedEvent;
    private final String namespacePrefix;
    private final int maxPacketChars;
    private final EventArguments arguments = new EventArguments();

    // Guarded by this.
    private EngineIoHandshake session;
    private boolean opened;
    private boolean ended;
    private boolean polling;
    private boolean posting;
    private final ArrayDeque<String> outbox = new ArrayDeque<>();
    private Upgrade upgrade = Upgrade.NONE;
    private EngineWebSocket webSocket;
    private int attachmentsToSkip;
    private ScheduledFuture<?> openTimeout;
    private ScheduledFuture<?> serverSilent;
    private ScheduledFuture<?> probeTimeout;
    private ScheduledFuture<?> pinger;

    private volatile TransportKind kind = TransportKind.LONG_POLLING;
    private volatile long delivered;
    private volatile long ignored;

    SocketIoTransport(
            TransportRequest request,
            TransportEvents events,
            SocketIoSettings settings,
            HttpClient http,
            ScheduledExecutorService timer) {
        this.request = request;
        this.events = events;
        this.settings = settings;
        this.endpoint = SocketIoEndpoint.parse(request.uri());
        this.http = http;
        this.timer = timer;
        this.quotedEvent = JsonText.quote(settings.event());
        this.namespacePrefix = endpoint.mainNamespace() ? "" : endpoint.namespace() + ",";
        this.maxPacketChars = request.maxMessageBytes() + HEAD_ROOM;
    }

    /** Long polling until the session is upgraded, WebSocket after. */
    @Override
    public TransportKind kind() {
        return kind;
    }

    /** Events of the configured name delivered as messages. */
    public long deliveredEvents() {
        return delivered;
    }

    /** Other events, and packets of other namespaces, ignored. */
    public long ignoredEvents() {
        return ignored;
    }

    @Override
    public void start() {
        synchronized (this) {
            openTimeout =
                    timer.schedule(this::openTimedOut, request.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        get(endpoint.polling(null), request.connectTimeout()).whenComplete(this::handshakeAnswered);
    }

    /**
     * Emits an event in the namespace: {@code text} is the event as a JSON array, {@code ["name", args...]}.
     * Returns false when it is not one, or the session cannot take it.
     */
    @Override
    public synchronized boolean send(String text) {
        if (ended || text == null || !arguments.scan(text, 0)) {
            return false;
        }
        return sendPacket("42" + namespacePrefix + text);
    }

    @Override
    public void close() {
        EngineWebSocket socket;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            cancelTimers();
            socket = webSocket;
            if (session != null && upgrade != Upgrade.DONE) {
                // Tells the server the session is over, which also ends its held poll; nobody waits for the answer.
                post("1");
            }
        }
        if (socket != null) {
            socket.closeQuietly();
        }
    }

    // ---- long polling ----------------------------------------------------------------------------------------

    private synchronized void handshakeAnswered(HttpResponse<String> answer, Throwable error) {
        if (ended) {
            return;
        }
        long received = System.nanoTime();
        if (error != null || answer.statusCode() != 200) {
            fail("socket.io handshake " + failure(answer, error));
            return;
        }
        String body = answer.body();
        int end = body.indexOf(SEPARATOR);
        String open = end < 0 ? body : body.substring(0, end);
        if (open.isEmpty() || open.charAt(0) != '0') {
            fail("not a socket.io server: the handshake answer is no Engine.IO open packet");
            return;
        }
        try {
            session = EngineIoHandshake.parse(open.substring(1));
        } catch (IllegalArgumentException e) {
            fail("socket.io handshake: " + e.getMessage());
            return;
        }
        LOG.debug(
                "socket.io session open, upgrades {}, ping every {} ms",
                session.upgrades(),
                session.pingInterval().toMillis());
        heardFromServer();
        sendPacket("40" + namespacePrefix);
        if (end >= 0) {
            readPayload(body.substring(end + 1), received);
        }
        poll();
        if (settings.upgrade() && session.upgrades().contains("websocket")) {
            probe();
        }
    }

    /** Starts the next held poll, unless one is out or polling is paused. */
    private void poll() {
        if (ended || polling || upgrade == Upgrade.PAUSING || upgrade == Upgrade.DONE) {
            return;
        }
        polling = true;
        get(endpoint.polling(session.sid()), session.silenceLimit().plus(SLACK)).whenComplete(this::pollAnswered);
    }

    private synchronized void pollAnswered(HttpResponse<String> answer, Throwable error) {
        polling = false;
        if (ended) {
            return;
        }
        long received = System.nanoTime();
        if (error != null || answer.statusCode() != 200) {
            fail("socket.io poll " + failure(answer, error));
            return;
        }
        readPayload(answer.body(), received);
        if (upgrade == Upgrade.PAUSING) {
            completeUpgrade();
        } else {
            poll();
        }
    }

    /** Reads the packets of a long-polling payload, separated by the record separator. */
    private void readPayload(String payload, long receivedNanos) {
        int start = 0;
        int packets = 0;
        while (start <= payload.length() && !ended) {
            if (++packets > MAX_PACKETS_PER_ANSWER) {
                fail("socket.io poll answer with more than " + MAX_PACKETS_PER_ANSWER + " packets");
                return;
            }
            int end = payload.indexOf(SEPARATOR, start);
            if (end < 0) {
                end = payload.length();
            }
            if (end - start > maxPacketChars) {
                events.onRejected(this, "socket.io packet over " + maxPacketChars + " characters");
            } else {
                enginePacket(payload.substring(start, end), receivedNanos);
            }
            start = end + 1;
        }
    }

    /** Queues an Engine.IO packet for the server; false when the queue is full or it is over maxPayload. */
    private boolean sendPacket(String packet) {
        if (ended || outbox.size() >= MAX_QUEUED_PACKETS || utf8Length(packet) + 1 > maxPayload()) {
            return false;
        }
        outbox.add(packet);
        flush();
        return true;
    }

    /** Sends what is queued: on the WebSocket one frame a packet, else one POST at a time of up to maxPayload. */
    private void flush() {
        if (ended || outbox.isEmpty()) {
            return;
        }
        if (upgrade == Upgrade.DONE) {
            while (!outbox.isEmpty()) {
                if (!webSocket.sendText(outbox.poll())) {
                    return; // Closing: webSocketClosed ends the session.
                }
            }
            return;
        }
        if (posting || upgrade == Upgrade.PAUSING) {
            return; // After the POST out; while pausing, held for the WebSocket.
        }
        StringBuilder body = new StringBuilder();
        long bytes = 0;
        while (!outbox.isEmpty()) {
            long next = utf8Length(outbox.peek()) + 1;
            if (body.length() > 0 && bytes + next > maxPayload()) {
                break;
            }
            body.append(body.length() > 0 ? String.valueOf(SEPARATOR) : "").append(outbox.poll());
            bytes += next;
        }
        posting = true;
        long sentNanos = System.nanoTime();
        post(body.toString()).whenComplete((answer, error) -> posted(answer, error, sentNanos));
    }

    private synchronized void posted(HttpResponse<String> answer, Throwable error, long sentNanos) {
        posting = false;
        if (ended) {
            return;
        }
        if (error != null || answer.statusCode() != 200) {
            fail("socket.io send " + failure(answer, error));
            return;
        }
        events.onRoundTrip(this, System.nanoTime() - sentNanos);
        if (upgrade == Upgrade.PAUSING) {
            completeUpgrade();
        } else {
            flush();
        }
    }

    // ---- Engine.IO and Socket.IO packets ----------------------------------------------------------------------

    private void enginePacket(String packet, long receivedNanos) {
        if (packet.isEmpty()) {
            events.onRejected(this, "empty Engine.IO packet");
            return;
        }
        char type = packet.charAt(0);
        if (type == 'b' && attachmentsToSkip > 0) {
            attachmentsToSkip--; // An attachment of a binary packet we skip, base64 over long polling.
            return;
        }
        switch (type) {
            case '1' -> fail("the socket.io server closed the session");
            case '2' -> {
                heardFromServer();
                sendPacket("3" + packet.substring(1));
            }
            case '4' -> socketIoPacket(packet, receivedNanos);
            case '0', '3', '5', '6' -> {
                // open (handshake only), pong (probe only), upgrade and noop carry nothing for us.
            }
            default -> events.onRejected(this, "Engine.IO packet of unknown type");
        }
    }

    private void socketIoPacket(String text, long receivedNanos) {
        SocketIoPacket packet;
        try {
            packet = SocketIoPacket.parse(text, 1);
        } catch (IllegalArgumentException e) {
            events.onRejected(this, e.getMessage());
            return;
        }
        attachmentsToSkip += packet.attachments();
        if (!packet.namespace().equals(endpoint.namespace())) {
            ignored++;
            return;
        }
        switch (packet.type()) {
            case SocketIoPacket.CONNECT -> namespaceConnected();
            case SocketIoPacket.DISCONNECT ->
                fail("the socket.io server disconnected namespace " + endpoint.namespace());
            case SocketIoPacket.CONNECT_ERROR ->
                fail("the socket.io server refused namespace " + endpoint.namespace() + ": "
                        + JsonText.errorMessage(packet.data(), REASON_MAX));
            case SocketIoPacket.EVENT -> event(packet, receivedNanos);
            case SocketIoPacket.BINARY_EVENT -> {
                if (arguments.scan(text, packet.dataStart()) && arguments.nameIs(text, quotedEvent)) {
                    events.onRejected(this, "binary socket.io event '" + settings.event() + "' (trades must be JSON)");
                } else {
                    ignored++;
                }
            }
            default -> ignored++; // ACK and BINARY_ACK: we ask for no acknowledgements.
        }
    }

    private void namespaceConnected() {
        if (opened) {
            return;
        }
        opened = true;
        if (openTimeout != null) {
            openTimeout.cancel(false);
        }
        events.onOpen(this);
        settings.subscribe().ifPresent(s -> sendPacket("42" + namespacePrefix + s));
    }

    private void event(SocketIoPacket packet, long receivedNanos) {
        String text = packet.text();
        if (!arguments.scan(text, packet.dataStart())) {
            events.onRejected(this, arguments.problem());
            return;
        }
        if (packet.ackId() >= 0) {
            sendPacket("43" + namespacePrefix + packet.ackId() + "[]");
        }
        if (!arguments.nameIs(text, quotedEvent) || !opened) {
            ignored++;
            return;
        }
        if (!arguments.hasArgument()) {
            events.onRejected(this, "socket.io event '" + settings.event() + "' without an argument");
            return;
        }
        delivered++;
        events.onMessage(this, arguments.firstArgument(text), receivedNanos);
    }

    // ---- the upgrade to WebSocket -----------------------------------------------------------------------------

    private void probe() {
        upgrade = Upgrade.PROBING;
        long timeout = request.connectTimeout().toMillis();
        webSocket = new EngineWebSocket(
                endpoint.webSocket(session.sid()),
                maxPacketChars * 3,
                (int) timeout,
                request.sslContext(),
                request.pacing().pacer(),
                this);
        probeTimeout = timer.schedule(
                () -> probeFailed(webSocket, "no probe answer after " + timeout + " ms"),
                timeout,
                TimeUnit.MILLISECONDS);
        webSocket.connect();
    }

    synchronized void webSocketOpened(EngineWebSocket socket) {
        if (socket != webSocket || ended || upgrade != Upgrade.PROBING) {
            socket.closeQuietly();
            return;
        }
        socket.sendText("2probe");
    }

    synchronized void webSocketMessage(EngineWebSocket socket, String text, long receivedNanos) {
        if (socket != webSocket || ended) {
            return;
        }
        if (upgrade == Upgrade.PROBING) {
            if (text.equals("3probe")) {
                probeTimeout.cancel(false);
                upgrade = Upgrade.PAUSING;
                completeUpgrade();
            }
            return;
        }
        if (upgrade != Upgrade.DONE) {
            return; // Nothing comes before the upgrade completes but the probe's answer.
        }
        if (text.length() > maxPacketChars) {
            events.onRejected(this, "socket.io packet over " + maxPacketChars + " characters");
            return;
        }
        enginePacket(text, receivedNanos);
    }

    synchronized void webSocketBinary(EngineWebSocket socket, int bytes) {
        if (socket != webSocket || ended || upgrade != Upgrade.DONE) {
            return;
        }
        if (attachmentsToSkip > 0) {
            attachmentsToSkip--;
        } else {
            events.onRejected(this, "binary WebSocket frame of " + bytes + " bytes outside a binary socket.io packet");
        }
    }

    synchronized void webSocketRoundTrip(EngineWebSocket socket, long nanos) {
        if (socket == webSocket && !ended && upgrade == Upgrade.DONE) {
            events.onRoundTrip(this, nanos);
        }
    }

    synchronized void webSocketClosed(EngineWebSocket socket, int code, String reason, boolean remote) {
        if (socket != webSocket || ended) {
            return;
        }
        String text = JsonText.printable(reason, REASON_MAX);
        if (upgrade == Upgrade.DONE) {
            if (code == CloseFrame.TOOBIG && !remote) {
                events.onRejected(this, "WebSocket frame over " + maxPacketChars * 3 + " bytes");
            }
            fail("socket.io WebSocket closed (" + code + (text.isEmpty() ? "" : " " + text) + ")");
        } else {
            probeFailed(socket, "WebSocket refused" + (text.isEmpty() ? "" : ": " + text));
        }
    }

    /** The probe was answered and polling has no request out: the session moves to the WebSocket. */
    private void completeUpgrade() {
        if (polling || posting || ended) {
            return; // The answer of the request out completes it.
        }
        if (!webSocket.sendText("5")) {
            probeFailed(webSocket, "WebSocket closed during the upgrade");
            return;
        }
        upgrade = Upgrade.DONE;
        kind = TransportKind.WEBSOCKET;
        LOG.debug("socket.io session upgraded to WebSocket");
        pinger = timer.scheduleAtFixedRate(webSocket::ping, 0, WEBSOCKET_PING_MILLIS, TimeUnit.MILLISECONDS);
        flush();
    }

    private synchronized void probeFailed(EngineWebSocket socket, String reason) {
        if (socket != webSocket || ended || upgrade == Upgrade.DONE || upgrade == Upgrade.FAILED) {
            return;
        }
        LOG.debug("socket.io stays on long polling: {}", reason);
        boolean paused = upgrade == Upgrade.PAUSING;
        upgrade = Upgrade.FAILED;
        probeTimeout.cancel(false);
        socket.closeQuietly();
        if (paused) {
            poll();
            flush();
        }
    }

    // ---- liveness and the end ---------------------------------------------------------------------------------

    /** A ping or the handshake came: the server may now be silent for its interval plus its timeout. */
    private void heardFromServer() {
        if (serverSilent != null) {
            serverSilent.cancel(false);
        }
        long limit = session.silenceLimit().toMillis();
        serverSilent = timer.schedule(
                () -> fail("no ping from the socket.io server for " + limit + " ms"), limit, TimeUnit.MILLISECONDS);
    }

    private synchronized void openTimedOut() {
        if (!opened) {
            fail("no socket.io connection after " + request.connectTimeout().toMillis() + " ms");
        }
    }

    /** Ends the session and reports it once. */
    private synchronized void fail(String reason) {
        if (ended) {
            return;
        }
        close();
        events.onClosed(this, reason, opened);
    }

    private void cancelTimers() {
        for (ScheduledFuture<?> f : new ScheduledFuture<?>[] {openTimeout, serverSilent, probeTimeout, pinger}) {
            if (f != null) {
                f.cancel(false);
            }
        }
    }

    private long maxPayload() {
        return session == null ? EngineIoHandshake.DEFAULT_MAX_PAYLOAD : session.maxPayload();
    }

    private java.util.concurrent.CompletableFuture<HttpResponse<String>> get(URI uri, Duration timeout) {
        HttpRequest r = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        return http.sendAsync(r, BoundedBody.ofString(MAX_POLL_ANSWER_BYTES));
    }

    private java.util.concurrent.CompletableFuture<HttpResponse<String>> post(String body) {
        HttpRequest r = HttpRequest.newBuilder(endpoint.polling(session.sid()))
                .timeout(request.connectTimeout().plus(SLACK))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(r, BoundedBody.ofString(HEAD_ROOM));
    }

    private static String failure(HttpResponse<String> answer, Throwable error) {
        if (error != null) {
            Throwable root = error;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof java.net.ConnectException) {
                return "failed: connection refused";
            }
            if (root instanceof java.net.http.HttpTimeoutException) {
                return "timed out";
            }
            String m = root.getMessage();
            return "failed: " + JsonText.printable(m == null ? root.getClass().getSimpleName() : m, REASON_MAX);
        }
        return "refused: HTTP " + answer.statusCode() + " " + JsonText.errorMessage(answer.body(), REASON_MAX);
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
