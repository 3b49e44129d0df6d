package com.klinelive.bench.ingest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import javafx.application.Platform;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * The peer's feed: what a JavaFX developer writes first. A Java-WebSocket client, Gson's tree model per message,
 * and a {@link Platform#runLater} per tick that updates the chart on the FX thread.
 */
public final class NaiveFeed extends WebSocketClient {

    /** What the FX thread does with one tick. */
    public interface TickHandler {
        void onTick(long seq, double price, long receivedNanos);
    }

    private final TickHandler handler;

    public NaiveFeed(URI webSocket, TickHandler handler) {
        super(webSocket);
        this.handler = handler;
        setTcpNoDelay(true);
    }

    @Override
    public void onMessage(String message) {
        long received = System.nanoTime();
        JsonObject o = JsonParser.parseString(message).getAsJsonObject();
        String type = o.get("type").getAsString();
        if (type.equals("tick")) {
            long seq = o.get("seq").getAsLong();
            double price = o.get("price").getAsDouble();
            Platform.runLater(() -> handler.onTick(seq, price, received));
        } else if (type.equals("ticks")) {
            JsonArray ticks = o.getAsJsonArray("ticks");
            for (JsonElement e : ticks) {
                JsonArray t = e.getAsJsonArray();
                long seq = t.get(0).getAsLong();
                double price = t.get(2).getAsDouble();
                Platform.runLater(() -> handler.onTick(seq, price, received));
            }
        }
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        // The simulator streams every symbol live until told otherwise: nothing to send.
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        // The benchmark closes it.
    }

    @Override
    public void onError(Exception ex) {
        System.err.println("naive feed: " + ex);
    }
}
