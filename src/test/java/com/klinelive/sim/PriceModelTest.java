package com.klinelive.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PriceModelTest {

    private static final Instrument BTC = Instrument.of("BTCUSDT");

    @Test
    void theSameSeedDrawsTheSameTrades() {
        assertEquals(Arrays.toString(path(1, 1000)), Arrays.toString(path(1, 1000)));
        assertNotEquals(Arrays.toString(path(1, 1000)), Arrays.toString(path(2, 1000)));
    }

    @Test
    void pricesMoveInTickSizeStepsAndSizesInLots() {
        PriceModel model = new PriceModel(BTC, 3);
        for (int i = 0; i < 10_000; i++) {
            model.step(0.05);
            assertTrue(
                    new BigDecimal(Double.toString(model.price())).scale() <= BTC.priceDecimals(),
                    "price " + model.price());
            assertTrue(
                    new BigDecimal(Double.toString(model.size()))
                                    .stripTrailingZeros()
                                    .scale()
                            <= BTC.sizeDecimals(),
                    "size " + model.size());
            assertTrue(model.price() > 0 && model.size() > 0);
        }
    }

    @Test
    void volatilityRegimesAndVolumeBurstsOccurOverADay() {
        PriceModel model = new PriceModel(BTC, 11);
        Set<Integer> regimes = new HashSet<>();
        double[] sizes = new double[86_400];
        for (int i = 0; i < sizes.length; i++) {
            model.step(1);
            regimes.add(model.regime());
            sizes[i] = model.size();
        }
        assertEquals(Set.of(0, 1, 2), regimes);
        Arrays.sort(sizes);
        assertTrue(sizes[sizes.length - 100] > 5 * sizes[sizes.length / 2], "bursts well above the median size");
    }

    @Test
    void aDayMovesThePriceARealisticAmount() {
        double[] path = path(5, 86_400);
        double change = Math.abs(Math.log(path[path.length - 1] / BTC.startPrice()));
        assertTrue(change < 0.3, "a day moves less than 30 %: " + change);
        assertTrue(Arrays.stream(path).distinct().count() > 1000, "the price moves");
    }

    private static double[] path(long seed, int steps) {
        PriceModel model = new PriceModel(BTC, seed);
        double[] prices = new double[steps];
        for (int i = 0; i < steps; i++) {
            model.step(1);
            prices[i] = model.price();
        }
        return prices;
    }
}
