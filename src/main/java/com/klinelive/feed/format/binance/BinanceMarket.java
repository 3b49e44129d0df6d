package com.klinelive.feed.format.binance;

import com.klinelive.model.Timeframe;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * The two Binance markets we read, which share message and answer layouts but not hosts, paths and limits:
 * spot (binance-spot-api-docs, rest-api.md and web-socket-streams.md) and USDⓈ-M futures (developers.binance.com,
 * derivatives/usds-margined-futures).
 */
public enum BinanceMarket {
    SPOT("stream.binance.com", URI.create("https://api.binance.com"), "/api/v3", 1000, EnumSet.allOf(Timeframe.class)),
    USDM_FUTURES(
            "fstream.binance.com",
            URI.create("https://fapi.binance.com"),
            "/fapi/v1",
            1500,
            EnumSet.complementOf(EnumSet.of(Timeframe.S1, Timeframe.S5, Timeframe.S15)));

    private final String streamHost;
    private final URI restBase;
    private final String restPath;
    private final int maxKlines;
    private final Set<Timeframe> klineTimeframes;

    BinanceMarket(String streamHost, URI restBase, String restPath, int maxKlines, Set<Timeframe> timeframes) {
        this.streamHost = streamHost;
        this.restBase = restBase;
        this.restPath = restPath;
        this.maxKlines = maxKlines;
        this.klineTimeframes = Set.copyOf(timeframes);
    }

    /** The market whose stream host {@code host} is (case-insensitive), or {@code null}. */
    public static BinanceMarket ofStreamHost(String host) {
        for (BinanceMarket market : values()) {
            if (market.streamHost.equalsIgnoreCase(host)) {
                return market;
            }
        }
        return null;
    }

    public String streamHost() {
        return streamHost;
    }

    /** The public REST API, such as {@code https://api.binance.com}. */
    public URI restBase() {
        return restBase;
    }

    /** The REST path prefix: {@code /api/v3} or {@code /fapi/v1}. */
    public String restPath() {
        return restPath;
    }

    /** Most klines one request returns: 1000 spot, 1500 futures. */
    public int maxKlines() {
        return maxKlines;
    }

    /**
     * Whether klines can be asked for in {@code timeframe}'s own interval ({@code 1s} is spot only; 5s and 15s
     * exist nowhere and are resampled from 1s on spot).
     */
    public boolean hasKlines(Timeframe timeframe) {
        return klineTimeframes.contains(timeframe) && timeframe != Timeframe.S5 && timeframe != Timeframe.S15;
    }
}
