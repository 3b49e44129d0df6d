package com.klinelive.chart.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PriceFormatTest {

    @Test
    void decimalsFollowTheMagnitudeOfThePrice() {
        assertEquals(2, PriceFormat.decimalsFor(43250.5));
        assertEquals(3, PriceFormat.decimalsFor(250.5));
        assertEquals(5, PriceFormat.decimalsFor(1.2345));
        assertEquals(8, PriceFormat.decimalsFor(0.00001234));
        assertEquals(2, PriceFormat.decimalsFor(0));
        assertEquals("43250.50", PriceFormat.price(43250.5, 2));
    }

    @Test
    void pricesReadAsStringFormatWritesThem() {
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 100_000; i++) {
            int decimals = random.nextInt(9);
            double value = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(8)) / 7;
            String expected = String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
            // The one difference: a value that rounds to zero has no sign.
            expected = expected.matches("-0(\\.0*)?") ? expected.substring(1) : expected;
            assertEquals(expected, PriceFormat.price(value, decimals), value + " with " + decimals);
        }
        assertEquals("0.00", PriceFormat.price(-0.001, 2));
        assertEquals("-1", PriceFormat.price(-0.5, 0));
        assertEquals("NaN", PriceFormat.price(Double.NaN, 2));
        assertEquals("1234567890123456.00", PriceFormat.price(1234567890123456.0, 2));
    }

    @Test
    void volumesAreCompact() {
        assertEquals("950", PriceFormat.volume(950));
        assertEquals("12.35", PriceFormat.volume(12.346));
        assertEquals("12.50K", PriceFormat.volume(12_500));
        assertEquals("125.0K", PriceFormat.volume(125_000));
        assertEquals("1.00M", PriceFormat.volume(999_999));
        assertEquals("3.21B", PriceFormat.volume(3.21e9));
    }

    @Test
    void percentagesCarryTheirSign() {
        assertEquals("+0.57%", PriceFormat.percent(0.0057));
        assertEquals("-1.20%", PriceFormat.percent(-0.012));
        assertEquals("0.00%", PriceFormat.percent(-0.00001));
        assertEquals("-", PriceFormat.percent(Double.NaN));
    }
}
