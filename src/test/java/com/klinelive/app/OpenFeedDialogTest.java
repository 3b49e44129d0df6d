package com.klinelive.app;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.model.Tick;
import com.klinelive.workspace.FeedSpec;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "Open feed" dialog against a real WebSocket feed of custom JSON on a free port: its first messages show, the
 * fields are guessed from their names, and the preview shows the ticks the mapping reads - the same decoder the
 * feed will use.
 */
class OpenFeedDialogTest {

    private final FxRobot robot = new FxRobot();
    private WebSocketServer server;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop(1_000);
        }
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String message(int i) {
        return "{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"},\"data\":[{\"px\":\"" + (42000 + i)
                + ".5\",\"sz\":\"0.25\",\"ts\":\"" + (1733400000000L + i) + "\",\"tradeId\":\"" + (700 + i) + "\"}]}";
    }

    @Test
    void sampledMessagesGuessTheMappingAndThePreviewShowsItsTicks() throws Exception {
        server = new WebSocketServer(new InetSocketAddress("127.0.0.1", 0)) {
            @Override
            public void onOpen(WebSocket conn, ClientHandshake handshake) {
                conn.send("{\"event\":\"subscribe\",\"arg\":{\"channel\":\"trades\"}}");
                for (int i = 0; i < 5; i++) {
                    conn.send(message(i));
                }
            }

            @Override
            public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

            @Override
            public void onMessage(WebSocket conn, String message) {}

            @Override
            public void onError(WebSocket conn, Exception ex) {}

            @Override
            public void onStart() {}
        };
        server.setReuseAddr(true);
        server.start();
        waitFor(5_000, () -> server.getPort() > 0, () -> "server did not start");
        String url = "ws://127.0.0.1:" + server.getPort() + "/";
        OpenFeedDialog dialog = onFx(() -> new OpenFeedDialog(new I18n(Locale.ENGLISH), FeedSpec.EMBEDDED));
        robot.interact(() -> {
            dialog.url.setText(url);
            dialog.format.setValue("json");
            dialog.show();
            dialog.sample.fire();
        });

        waitFor(10_000, () -> onFx(() -> dialog.messages.getItems().size()) == 6, () -> "messages did not arrive");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(
                "arg.instId",
                onFx(() -> dialog.fields.get(FieldGuess.Field.SYMBOL).getValue()));
        assertEquals(
                "data.0.px",
                onFx(() -> dialog.fields.get(FieldGuess.Field.PRICE).getValue()));
        List<Tick> ticks = onFx(() -> List.copyOf(dialog.preview.getItems()));
        assertEquals(5, ticks.size(), "the subscribe answer is no trade");
        assertEquals(new Tick("BTC-USDT", 702, 1733400000002L, 42002.5, 0.25), ticks.get(2));
        assertTrue(onFx(() -> dialog.problems.getText()).startsWith("message 1:"), "the one message refused, said why");

        robot.interact(() -> dialog.fields.get(FieldGuess.Field.PRICE).setValue("data.0.nope"));
        assertEquals(0, (int) onFx(() -> dialog.preview.getItems().size()), "a wrong path reads nothing, live");
        robot.interact(() -> {
            dialog.fields.get(FieldGuess.Field.PRICE).setValue("data.0.px");
            dialog.name.setText("desk feed");
        });

        FeedSpec spec = onFx(dialog::spec);
        assertEquals("desk feed", spec.name());
        assertEquals(url, spec.url());
        assertEquals("json", spec.format());
        assertEquals(
                Map.of(
                        "symbol", "arg.instId",
                        "seq", "data.0.tradeId",
                        "time", "data.0.ts",
                        "price", "data.0.px",
                        "size", "data.0.sz"),
                spec.fields());
        robot.interact(dialog::close);
    }
}
