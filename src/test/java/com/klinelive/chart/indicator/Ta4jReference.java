package com.klinelive.chart.indicator;

import com.klinelive.model.CandleColumns;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.IntToDoubleFunction;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandFacade;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * ta4j 0.17's value of each study's outputs, for the same candles: the reference the indicator tests compare
 * with. A fresh {@link DoubleNum} series per call, so ta4j's caches never hold a value of candles that changed.
 */
final class Ta4jReference {

    private static final long DAY = 86_400_000L;

    private final BarSeries series;
    private final CandleColumns candles;

    Ta4jReference(CandleColumns candles, long periodMillis) {
        this.candles = candles;
        series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        Duration period = Duration.ofMillis(periodMillis);
        for (int i = 0; i < candles.size(); i++) {
            ZonedDateTime end =
                    ZonedDateTime.ofInstant(Instant.ofEpochMilli(candles.time(i) + periodMillis), ZoneOffset.UTC);
            series.addBar(
                    period,
                    end,
                    DoubleNum.valueOf(candles.open(i)),
                    DoubleNum.valueOf(candles.high(i)),
                    DoubleNum.valueOf(candles.low(i)),
                    DoubleNum.valueOf(candles.close(i)),
                    DoubleNum.valueOf(candles.volume(i)));
        }
    }

    /** ta4j's value of output {@code output} of {@code study} at each candle. */
    IntToDoubleFunction values(Study study, int output) {
        double[] p = study.parameterArray();
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        return switch (study.indicator().id()) {
            case "sma" -> of(new SMAIndicator(close, (int) p[0]));
            case "ema" -> of(new EMAIndicator(close, (int) p[0]));
            case "bollinger" -> {
                BollingerBandFacade bands = new BollingerBandFacade(series, (int) p[0], p[1]);
                yield of(output == 0 ? bands.upper() : output == 1 ? bands.middle() : bands.lower());
            }
            case "vwap" ->
                i -> new VWAPIndicator(series, i - dayStart(i) + 1).getValue(i).doubleValue();
            case "volume" -> of(new VolumeIndicator(series));
            case "rsi" -> of(new RSIIndicator(close, (int) p[0]));
            case "macd" -> {
                MACDIndicator macd = new MACDIndicator(close, (int) p[0], (int) p[1]);
                yield output == 0
                        ? of(macd)
                        : output == 1 ? of(macd.getSignalLine((int) p[2])) : of(macd.getHistogram((int) p[2]));
            }
            case "stochastic" -> {
                StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(series, (int) p[0]);
                yield output == 0 ? of(k) : of(new StochasticOscillatorDIndicator(new SMAIndicator(k, (int) p[1])));
            }
            case "atr" -> of(new ATRIndicator(series, (int) p[0]));
            case "obv" -> of(new OnBalanceVolumeIndicator(series));
            default ->
                throw new IllegalArgumentException(
                        "no ta4j reference for " + study.indicator().id());
        };
    }

    /** The first candle of candle {@code i}'s UTC day. */
    private int dayStart(int i) {
        long day = Math.floorDiv(candles.time(i), DAY);
        int start = i;
        while (start > 0 && Math.floorDiv(candles.time(start - 1), DAY) == day) {
            start--;
        }
        return start;
    }

    private static IntToDoubleFunction of(org.ta4j.core.Indicator<Num> indicator) {
        return i -> indicator.getValue(i).doubleValue();
    }
}
