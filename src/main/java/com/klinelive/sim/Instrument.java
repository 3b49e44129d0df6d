package com.klinelive.sim;

import java.util.Locale;

/**
 * How one simulated symbol trades: where its price starts, its price step (tick size) and lot size, and the
 * typical value of one trade.
 *
 * @param symbol        the name on the wire
 * @param startPrice    price of the first simulated trade
 * @param priceDecimals decimals of the tick size: 2 means prices move in steps of 0.01
 * @param sizeDecimals  decimals of the lot size: 4 means sizes are multiples of 0.0001
 * @param tradeValue    typical value of one trade, in quote currency
 */
record Instrument(String symbol, double startPrice, int priceDecimals, int sizeDecimals, double tradeValue) {

    private static final double[] POWERS = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

    /** The instrument for {@code symbol}: well-known ones look like their market, others get plausible values. */
    static Instrument of(String symbol) {
        return switch (symbol.toUpperCase(Locale.ROOT)) {
            case "BTCUSDT", "BTCUSD", "BTC-USD" -> new Instrument(symbol, 43_250.0, 2, 5, 900.0);
            case "ETHUSDT", "ETHUSD", "ETH-USD" -> new Instrument(symbol, 2_310.0, 2, 4, 600.0);
            case "SOLUSDT", "SOLUSD", "SOL-USD" -> new Instrument(symbol, 96.5, 3, 2, 300.0);
            default -> invented(symbol);
        };
    }

    /** The smallest price step, such as 0.01. */
    double tickSize() {
        return 1.0 / POWERS[priceDecimals];
    }

    /** {@code price} rounded to the tick size, never below one tick. */
    double roundPrice(double price) {
        return round(price, priceDecimals);
    }

    /** {@code size} rounded to the lot size, never below one lot. */
    double roundSize(double size) {
        return round(size, sizeDecimals);
    }

    // Dividing the whole number of steps by a power of ten gives the double nearest to the decimal value, so the
    // price prints as "43250.51" rather than "43250.510000000002".
    private static double round(double value, int decimals) {
        double scale = POWERS[decimals];
        long steps = Math.max(1L, Math.round(value * scale));
        return steps / scale;
    }

    // A start price between 1 and 1000 that depends only on the name, with a tick of about 1/10000 of it.
    private static Instrument invented(String symbol) {
        int hash = symbol.hashCode() & 0x7fffffff;
        double price = Math.pow(10, (hash % 3000) / 1000.0);
        int priceDecimals = Math.max(2, Math.min(6, 4 - (int) Math.floor(Math.log10(price))));
        price = round(price, priceDecimals);
        int sizeDecimals = price >= 100 ? 3 : price >= 1 ? 1 : 0;
        return new Instrument(symbol, price, priceDecimals, sizeDecimals, 250.0);
    }
}
