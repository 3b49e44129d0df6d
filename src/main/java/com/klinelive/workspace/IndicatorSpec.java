package com.klinelive.workspace;

import java.util.List;
import java.util.Map;

/**
 * One indicator of a chart.
 *
 * @param kind   the indicator's name, such as {@code sma} or {@code rsi}
 * @param params its parameters by name, such as {@code length}
 * @param colors its colours, one per output, as CSS colour texts
 */
public record IndicatorSpec(String kind, Map<String, Double> params, List<String> colors) {

    IndicatorSpec normalized() {
        return new IndicatorSpec(
                Texts.orEmpty(kind),
                params == null ? Map.of() : Map.copyOf(params),
                colors == null ? List.of() : List.copyOf(colors));
    }
}
