package com.klinelive.sim;

import static com.klinelive.sim.SimTesting.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.feed.protocol.ControlMessage;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimLifecycleTest {

    private static final String BTC = "BTCUSDT";

    @Test
    void restartKeepsThePortAndStartsANewEpoch() throws Exception {
        SimServer first = SimServer.start(options(200));
        SimServer second = null;
        try (FeedRecorder ws = FeedRecorder.connect(first.webSocketUri())) {
            ws.next(ControlMessage.Hello.class);
            SimTesting.await("ticks", Duration.ofSeconds(10), () -> first.lastSeq(BTC) >= 100);
            int port = first.port();
            second = first.restart();
            assertEquals(StatusCode.SHUTDOWN, ws.awaitClose().code(), "clients are told the server goes away");
            assertEquals(port, second.port());
            assertNotEquals(first.epoch(), second.epoch());
            assertTrue(second.lastSeq(BTC) < 100, "sequence numbers start again");
            try (FeedRecorder again = FeedRecorder.connect(second.webSocketUri())) {
                assertEquals(
                        second.epoch(), again.next(ControlMessage.Hello.class).epoch());
            }
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void chaosDropClosesEveryWebSocketPeriodically() throws Exception {
        try (SimServer sim = SimServer.start(options(50).withChaosDropWs(Duration.ofMillis(300)))) {
            FeedRecorder.Close close;
            try (FeedRecorder ws = FeedRecorder.connect(sim.webSocketUri())) {
                close = ws.awaitClose();
            }
            assertEquals(StatusCode.SHUTDOWN, close.code());
            assertTrue(close.reason().contains("chaos"), close.reason());
            try (FeedRecorder again = FeedRecorder.connect(sim.webSocketUri())) {
                again.next(ControlMessage.Hello.class);
            }
        }
    }

    @Test
    void chaosLatencyDelaysAnswersAndMessages() throws Exception {
        try (SimServer sim = SimServer.start(options(50).withChaosLatency(Duration.ofMillis(300)))) {
            long start = System.nanoTime();
            assertEquals(200, new SimHttp(sim.uri()).get("/symbols").status());
            assertTrue(System.nanoTime() - start >= 300_000_000L, "the HTTP answer is late");
            start = System.nanoTime();
            try (FeedRecorder ws = FeedRecorder.connect(sim.webSocketUri())) {
                ws.next(ControlMessage.Hello.class);
                assertTrue(System.nanoTime() - start >= 300_000_000L, "the hello is late");
            }
        }
    }

    @Test
    void withAKeystoreTheServerSpeaksHttpsAndWss(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("sim.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "sim",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "secret123",
                        "-keypass",
                        "secret123")
                .redirectErrorStream(true)
                .start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(keytool.waitFor(30, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool made a keystore");

        SSLContext tls = trusting(keystore, "secret123");
        try (SimServer sim = SimServer.start(options(50).withTls(keystore, "secret123"))) {
            assertEquals("https", sim.uri().getScheme());
            assertEquals("wss", sim.webSocketUri().getScheme());
            HttpClient https = HttpClient.newBuilder().sslContext(tls).build();
            HttpResponse<String> symbols = https.send(
                    HttpRequest.newBuilder(sim.uri().resolve("/symbols"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, symbols.statusCode());
            try (FeedRecorder ws = FeedRecorder.connect(sim.webSocketUri(), tls)) {
                assertEquals(sim.epoch(), ws.next(ControlMessage.Hello.class).epoch());
            }
        }
    }

    @Test
    void aPortInUseIsAClearError() throws Exception {
        try (SimServer sim = SimServer.start(options(10))) {
            java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(
                    java.io.IOException.class, () -> SimServer.start(options(10).withPort(sim.port())));
            assertTrue(e.getMessage().contains(String.valueOf(sim.port())), e.getMessage());
        }
    }

    private static SSLContext trusting(Path keystore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
