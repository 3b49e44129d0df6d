package com.klinelive.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Everything a {@link SimServer} is started with. Start from {@link #defaults()} and change what differs:
 * {@code SimOptions.defaults().withPort(0).withRate(100)}.
 *
 * @param host           address to bind, such as {@code 127.0.0.1}
 * @param port           TCP port; 0 takes any free one
 * @param symbols        the simulated symbols, 1 to 64 distinct names of letters, digits, '.', '_' or '-'
 * @param rate           live ticks per second per symbol, 0 (history only) to 1,000,000
 * @param seed           seed of the price paths: the same seed gives the same prices and sizes
 * @param history        how far back the pre-filled candles reach, 0 to 366 days
 * @param allowedOrigins WebSocket {@code Origin}s accepted besides loopback ones; {@code "*"} accepts any
 * @param tlsKeystore    a PKCS#12 or JKS keystore to serve https and wss with, or null for plain http
 * @param tlsPassword    the keystore password (null without TLS)
 * @param webSocket      false refuses every WebSocket upgrade, so clients must long-poll
 * @param chaosDropWs    close every WebSocket this often; zero never
 * @param chaosLatency   delay added to every HTTP answer and WebSocket message; zero none
 * @param limits         the resource bounds
 */
public record SimOptions(
        String host,
        int port,
        List<String> symbols,
        double rate,
        long seed,
        Duration history,
        List<String> allowedOrigins,
        Path tlsKeystore,
        String tlsPassword,
        boolean webSocket,
        Duration chaosDropWs,
        Duration chaosLatency,
        SimLimits limits) {

    /** The symbols simulated unless told otherwise. */
    public static final List<String> DEFAULT_SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");

    /** Highest accepted {@link #rate()}. */
    public static final double MAX_RATE = 1_000_000;

    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Duration MAX_HISTORY = Duration.ofDays(366);

    public SimOptions {
        Objects.requireNonNull(host, "host");
        symbols = List.copyOf(symbols);
        allowedOrigins = List.copyOf(allowedOrigins);
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(chaosDropWs, "chaosDropWs");
        Objects.requireNonNull(chaosLatency, "chaosLatency");
        Objects.requireNonNull(limits, "limits");
        if (host.isBlank()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (symbols.isEmpty() || symbols.size() > 64) {
            throw new IllegalArgumentException("need 1 to 64 symbols, got " + symbols.size());
        }
        for (String symbol : symbols) {
            if (!SYMBOL.matcher(symbol).matches()) {
                throw new IllegalArgumentException("bad symbol '" + symbol + "': use 1-32 of A-Z a-z 0-9 . _ -");
            }
        }
        if (new HashSet<>(symbols).size() != symbols.size()) {
            throw new IllegalArgumentException("duplicate symbol in " + symbols);
        }
        if (!(rate >= 0 && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("rate must be 0.." + (long) MAX_RATE + " ticks/s: " + rate);
        }
        if (history.isNegative() || history.compareTo(MAX_HISTORY) > 0) {
            throw new IllegalArgumentException("history must be 0 to 366 days: " + history);
        }
        if ((tlsKeystore == null) != (tlsPassword == null)) {
            throw new IllegalArgumentException("TLS needs both a keystore and its password");
        }
        if (chaosDropWs.isNegative() || chaosLatency.isNegative()) {
            throw new IllegalArgumentException("chaos durations must not be negative");
        }
    }

    /** 127.0.0.1:8080, three symbols at 20 ticks/s each, a random seed, a day of history, no TLS, no chaos. */
    public static SimOptions defaults() {
        return new SimOptions(
                "127.0.0.1",
                8080,
                DEFAULT_SYMBOLS,
                20,
                ThreadLocalRandom.current().nextLong(),
                Duration.ofDays(1),
                List.of(),
                null,
                null,
                true,
                Duration.ZERO,
                Duration.ZERO,
                SimLimits.defaults());
    }

    /** Whether the server speaks https and wss. */
    public boolean tls() {
        return tlsKeystore != null;
    }

    public SimOptions withHost(String value) {
        return new SimOptions(
                value,
                port,
                symbols,
                rate,
                seed,
                history,
                allowedOrigins,
                tlsKeystore,
                tlsPassword,
                webSocket,
                chaosDropWs,
                chaosLatency,
                limits);
    }

    public SimOptions withPort(int value) {
        return new SimOptions(
                host,
                value,
                symbols,
                rate,
                seed,
                history,
                allowedOrigins,
                tlsKeystore,
                tlsPassword,
                webSocket,
                chaosDropWs,
                chaosLatency,
                limits);
    }

    public SimOptions withSymbols(List<String> value) {
        return new SimOptions(
                host,
                port,
                value,
                rate,
                seed,
                history,
                allowedOrigins,
                tlsKeystore,
                tlsPassword,
                webSocket,
                chaosDropWs,
                chaosLatency,
                limits);
    }

    public SimOptions withRate(double value) {
        return new SimOptions(
                host,
                port,
                symbols,
                value,
                seed,
                history,
                allowedOrigins,
                tlsKeystore,
                tlsPassword,
                webSocket,
                chaosDropWs,
                chaosLatency,
                limits);
    }

    public SimOptions withSeed(long value) {
        return new SimOptions(
                host,
                port,
                symbols,
                rate,
                value,
                history,
                allowedOrigins,
                tlsKeystore,
                tlsPassword,
                webSocket,
                chaosDropWs,
                chaosLatency,
                limits);
    }

    public SimOptions withHistory(Duration value) {
        return new SimOptions(
                host,
                port,
                symbols,
                rate,
                seed,
                value,
                allowedOrigins,
                tlsKeystore,
                tlsPassword,
                webSocket,
                chaosDropWs,
                chaosLatency,
                limits);
    }

    public SimOptions withAllowedOrigins(List<String> value) {
        return new SimOptions(
                host,
                port,
                symbols,
                rate,
                seed,
                history,
                value,
                tlsKeystore,
                tlsPassword,
                webSocket,
                chaosDropWs,
                chaosLatency,
                limits);
    }

    public SimOptions withTls(Path keystore, String password) {
        return new SimOptions(
                host,
                port,
                symbols,
                rate,
                seed,
                history,
                allowedOrigins,
                keystore,
                password,
                webSocket,
                chaosDropWs,
                chaosLatency,
                limits);
    }

    public SimOptions withWebSocket(boolean value) {
        return new SimOptions(
                host,
                port,
                symbols,
                rate,
                seed,
                history,
                allowedOrigins,
                tlsKeystore,
                tlsPassword,
                value,
                chaosDropWs,
                chaosLatency,
                limits);
    }

    public SimOptions withChaosDropWs(Duration value) {
        return new SimOptions(
                host,
                port,
                symbols,
                rate,
                seed,
                history,
                allowedOrigins,
                tlsKeystore,
                tlsPassword,
                webSocket,
                value,
                chaosLatency,
                limits);
    }

    public SimOptions withChaosLatency(Duration value) {
        return new SimOptions(
                host,
                port,
                symbols,
                rate,
                seed,
                history,
                allowedOrigins,
                tlsKeystore,
                tlsPassword,
                webSocket,
                chaosDropWs,
                value,
                limits);
    }

    public SimOptions withLimits(SimLimits value) {
        return new SimOptions(
                host,
                port,
                symbols,
                rate,
                seed,
                history,
                allowedOrigins,
                tlsKeystore,
                tlsPassword,
                webSocket,
                chaosDropWs,
                chaosLatency,
                value);
    }

    @Override
    public String toString() {
        // The password stays out of logs.
        return "SimOptions[host=" + host + ", port=" + port + ", symbols=" + symbols + ", rate=" + rate + ", seed="
                + seed + ", history=" + history + ", allowedOrigins=" + allowedOrigins + ", tls=" + tls()
                + ", webSocket=" + webSocket + ", chaosDropWs=" + chaosDropWs + ", chaosLatency=" + chaosLatency
                + ", limits=" + limits + "]";
    }
}
