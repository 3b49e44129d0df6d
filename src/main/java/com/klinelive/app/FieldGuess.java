package com.klinelive.app;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A first guess of a mapping from the names feeds commonly give their fields ({@code p}, {@code price},
 * {@code px}...), so the "Open feed" dialog often opens with the right choice made; the user corrects the rest.
 */
final class FieldGuess {

    /** The trade fields a mapping names. */
    enum Field {
        SYMBOL("symbol", List.of("symbol", "sym", "s", "instId", "product_id", "pair", "ticker", "market", "code")),
        SEQ("seq", List.of("seq", "sequence", "tradeId", "trade_id", "id", "t", "a", "i")),
        TIME("time", List.of("time", "ts", "timestamp", "T", "tradeTime", "date", "E")),
        PRICE("price", List.of("price", "p", "px", "last", "rate")),
        SIZE("size", List.of("size", "qty", "q", "sz", "quantity", "amount", "volume", "v"));

        final String key;
        /** Usual names, likeliest first; matched with their case (Binance's t is an id, its T a time). */
        final List<String> names;

        Field(String key, List<String> names) {
            this.key = key;
            this.names = names;
        }
    }

    private FieldGuess() {}

    /**
     * For each field, the path among {@code leaves} whose last segment is the likeliest of the field's usual names
     * (the first in document order among equals) and whose value fits: a number or numeric text for price, size,
     * seq and time, text for the symbol. A path taken by one field is not offered to the next.
     */
    static Map<Field, String> guess(Map<String, String> leaves) {
        Map<Field, String> chosen = new EnumMap<>(Field.class);
        for (Field field : List.of(Field.PRICE, Field.SIZE, Field.SYMBOL, Field.TIME, Field.SEQ)) {
            String best = null;
            int bestRank = Integer.MAX_VALUE;
            for (Map.Entry<String, String> leaf : leaves.entrySet()) {
                String path = leaf.getKey();
                int rank = field.names.indexOf(path.substring(path.lastIndexOf('.') + 1));
                if (rank >= 0 && rank < bestRank && fits(field, leaf.getValue()) && !chosen.containsValue(path)) {
                    best = path;
                    bestRank = rank;
                }
            }
            if (best != null) {
                chosen.put(field, best);
            }
        }
        return chosen;
    }

    private static boolean fits(Field field, String value) {
        boolean numeric = value.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
        return switch (field) {
            case SYMBOL -> !numeric && !value.isBlank() && value.length() <= 32;
            case TIME -> numeric || value.matches("\\d{4}-\\d\\d-\\d\\dT.*");
            default -> numeric;
        };
    }
}
