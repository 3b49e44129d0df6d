package com.klinelive.sim;

import java.util.SplittableRandom;

/**
 * The trades of one symbol: geometric Brownian motion whose volatility switches between regimes (calm, normal,
 * stormy), and trade sizes drawn log-normally that jump during volume bursts. Time is simulated: each step says
 * how many seconds passed, so the same seed, instrument and steps give the same trades on any machine.
 *
 * <p>Not thread-safe: one generator thread owns it.
 */
final class PriceModel {

    /** Yearly volatility of the normal regime; crypto-like. */
    static final double BASE_VOLATILITY = 0.8;

    private static final double SECONDS_PER_YEAR = 365.25 * 86_400;
    private static final double[] REGIME_FACTORS = {0.4, 1.0, 2.5};
    private static final double MEAN_REGIME_SECONDS = 15 * 60;
    private static final double MEAN_SECONDS_BETWEEN_BURSTS = 5 * 60;
    private static final double MEAN_BURST_SECONDS = 20;
    // A weak pull back to the start price (half-life of weeks) keeps a long-running demo in a plausible range.
    private static final double REVERSION_PER_SECOND = Math.log(2) / (21 * 86_400);

    private final Instrument instrument;
    private final SplittableRandom random;
    private final double startLog;
    private double logPrice;
    private int regime = 1;
    private double burstSecondsLeft;
    private double burstFactor = 1;
    private double price;
    private double size;

    /**
     * @param instrument the symbol's market
     * @param seed       same seed, same path
     */
    PriceModel(Instrument instrument, long seed) {
        this.instrument = instrument;
        this.random = new SplittableRandom(seed);
        this.startLog = Math.log(instrument.startPrice());
        this.logPrice = startLog;
    }

    /** Moves the simulation on by {@code seconds} (&gt; 0) and draws the next trade. */
    void step(double seconds) {
        switchRegime(seconds);
        double sigma = BASE_VOLATILITY * REGIME_FACTORS[regime] / Math.sqrt(SECONDS_PER_YEAR);
        logPrice += -REVERSION_PER_SECOND * (logPrice - startLog) * seconds
                - 0.5 * sigma * sigma * seconds
                + sigma * Math.sqrt(seconds) * random.nextGaussian();
        price = instrument.roundPrice(Math.exp(logPrice));
        updateBurst(seconds);
        double value = instrument.tradeValue() * Math.exp(random.nextGaussian() - 0.5) * burstFactor;
        size = instrument.roundSize(value / price);
    }

    /** Price of the last trade drawn, rounded to the tick size. */
    double price() {
        return price;
    }

    /** Size of the last trade drawn, rounded to the lot size. */
    double size() {
        return size;
    }

    /** 0 calm, 1 normal, 2 stormy. */
    int regime() {
        return regime;
    }

    private void switchRegime(double seconds) {
        if (random.nextDouble() < chance(seconds, MEAN_REGIME_SECONDS)) {
            regime = (regime + 1 + random.nextInt(REGIME_FACTORS.length - 1)) % REGIME_FACTORS.length;
        }
    }

    private void updateBurst(double seconds) {
        if (burstSecondsLeft > 0) {
            burstSecondsLeft -= seconds;
            if (burstSecondsLeft <= 0) {
                burstFactor = 1;
            }
        } else if (random.nextDouble() < chance(seconds, MEAN_SECONDS_BETWEEN_BURSTS)) {
            burstSecondsLeft = -MEAN_BURST_SECONDS * Math.log(1 - random.nextDouble());
            burstFactor = 4 + 6 * random.nextDouble();
        }
    }

    // Probability that an event with the given mean waiting time happens within `seconds`.
    private static double chance(double seconds, double meanSeconds) {
        return -Math.expm1(-seconds / meanSeconds);
    }
}
