package com.klinelive.feed;

import static com.klinelive.feed.Eventually.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.candle.CandleAggregator;
import com.klinelive.feed.longpoll.LongPollTransports;
import com.klinelive.feed.transport.Transport;
import com.klinelive.feed.transport.TransportEvents;
import com.klinelive.feed.transport.TransportRequest;
import com.klinelive.feed.websocket.WebSocketTransports;
import com.klinelive.model.Timeframe;
import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wss/https with host names verified, self-signed certificates trusted only through a trust store, and
 * credentials in a URL kept out of logs.
 */
class TlsAndSecretsTest {

    private static final String PASSWORD = "test-password";

    @TempDir
    Path dir;

    @Test
    void aTrustedCertificateForThisHostStreamsOverWss() throws Exception {
        Path keystore = keystore("good", "dns:localhost,ip:127.0.0.1");
        try (SimServer sim = SimServer.start(tlsSim(keystore))) {
            assertEquals("https", sim.uri().getScheme());
            FeedClient client = client(sim.uri().toString(), trustStoreFor(keystore, "good"));
            try {
                waitFor(
                        30_000,
                        () -> client.status().state() == FeedState.WEBSOCKET
                                && client.metrics().ticks() > 10,
                        () -> client.status() + " " + client.metrics());
            } finally {
                client.close();
            }
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefusedWithAClearReason() throws Exception {
        Path keystore = keystore("wrong", "dns:wrong.example");
        try (SimServer sim = SimServer.start(tlsSim(keystore))) {
            FeedClient client = client(sim.uri().toString(), trustStoreFor(keystore, "wrong"));
            try {
                waitFor(30_000, () -> client.status().state() == FeedState.RECONNECTING, () -> "" + client.status());
                String reason = client.status().detail().toLowerCase(Locale.ROOT);
                assertTrue(reason.contains("subject alternative name") || reason.contains("certificate"), reason);
                assertFalse(client.everConnected());
                assertEquals(0, client.metrics().ticks());
            } finally {
                client.close();
            }
        }
    }

    @Test
    void aSelfSignedCertificateIsRefusedWithoutATrustStore() throws Exception {
        Path keystore = keystore("self", "dns:localhost,ip:127.0.0.1");
        try (SimServer sim = SimServer.start(tlsSim(keystore))) {
            FeedClient client = client(sim.uri().toString(), null);
            try {
                waitFor(30_000, () -> client.status().state() == FeedState.RECONNECTING, () -> "" + client.status());
                assertFalse(client.everConnected());
            } finally {
                client.close();
            }
        }
    }

    @Test
    void aWssHandshakeThatCompletesAfterTheConnectTimeoutIsClosedNotLeftOpen() throws Exception {
        Path keystore = keystore("late", "dns:localhost,ip:127.0.0.1");
        try (SimServer sim = SimServer.start(tlsSim(keystore));
                TcpProxy proxy = new TcpProxy(sim.port())) {
            // The TLS hello reaches the server; its answer is held back past the client's connect timeout.
            proxy.stall(true);
            List<String> lifecycle = new java.util.concurrent.CopyOnWriteArrayList<>();
            Transport transport = new WebSocketTransports()
                    .create(
                            new TransportRequest(
                                    java.net.URI.create("wss://127.0.0.1:" + proxy.port() + "/ws"),
                                    List.of(),
                                    symbol -> -1,
                                    Duration.ofMillis(500),
                                    trustStoreFor(keystore, "late"),
                                    64 * 1024),
                            new TransportEvents() {
                                @Override
                                public void onOpen(Transport t) {
                                    lifecycle.add("open");
                                }

                                @Override
                                public void onMessage(Transport t, String text, long receivedNanos) {}

                                @Override
                                public void onRejected(Transport t, String reason) {}

                                @Override
                                public void onRoundTrip(Transport t, long nanos) {}

                                @Override
                                public void onClosed(Transport t, String reason, boolean opened) {
                                    lifecycle.add("closed: " + reason);
                                }
                            });
            transport.start();
            try {
                waitFor(30_000, () -> !lifecycle.isEmpty(), () -> "no end reported");
                proxy.stall(false);
                waitFor(30_000, () -> sim.stats().webSocketsOpened() == 1, () -> "the handshake never completed");
                waitFor(
                        30_000,
                        () -> proxy.openSockets() == 0,
                        () -> "the late connection was left open: " + proxy.openSockets() + " sockets");
                assertEquals(List.of("closed: no WebSocket after 500 ms"), lifecycle);
            } finally {
                transport.close();
            }
        }
    }

    @Test
    void credentialsInTheUrlNeverReachTheLog() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (SimServer sim = SimServer.start(
                SimOptions.defaults().withPort(0).withWebSocket(false).withHistory(Duration.ofMinutes(10)))) {
            String url = "http://trader:hunter2@127.0.0.1:" + sim.port() + "/?token=s3cr3t-token&view=1";
            FeedClient client = client(url, null);
            try {
                waitFor(30_000, () -> client.status().state() == FeedState.LONG_POLLING, () -> "" + client.status());
                assertFalse(client.status().describe().contains("hunter2"));
            } finally {
                client.close();
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("falling back to long polling"), "the client did log: " + log);
        assertFalse(log.contains("hunter2"), log);
        assertFalse(log.contains("s3cr3t"), log);
    }

    private FeedClient client(String url, SSLContext ssl) {
        FeedClient client = new FeedClient(
                FeedOptions.defaults(url)
                        .withSslContext(ssl)
                        .withHistory(EnumSet.of(Timeframe.M1), 50)
                        .withBackoff(Duration.ofMillis(200), Duration.ofMillis(500)),
                new CandleAggregator(EnumSet.of(Timeframe.M1), 10_000, 16),
                new WebSocketTransports(),
                new LongPollTransports());
        client.start();
        return client;
    }

    private static SimOptions tlsSim(Path keystore) {
        return SimOptions.defaults()
                .withPort(0)
                .withRate(50)
                .withHistory(Duration.ofMinutes(10))
                .withTls(keystore, PASSWORD);
    }

    /** A PKCS#12 keystore with a fresh self-signed certificate for {@code san}, made with the JDK's keytool. */
    private Path keystore(String name, String san) throws Exception {
        Path file = dir.resolve(name + ".p12");
        keytool(
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=" + name,
                "-ext",
                "SAN=" + san,
                "-keystore",
                file.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        return file;
    }

    /** A trust store holding only the certificate of {@code keystore}. */
    private SSLContext trustStoreFor(Path keystore, String alias) throws Exception {
        Path cert = dir.resolve(alias + ".cer");
        Path trust = dir.resolve(alias + "-trust.p12");
        keytool(
                "-exportcert",
                "-alias",
                alias,
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                cert.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                alias,
                "-file",
                cert.toString(),
                "-keystore",
                trust.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD);
        return TrustStores.context(trust, PASSWORD.toCharArray());
    }

    private static void keytool(String... args) throws Exception {
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> command = new java.util.ArrayList<>(List.of(keytool));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }
}
