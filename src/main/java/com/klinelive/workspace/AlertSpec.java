package com.klinelive.workspace;

import com.klinelive.alert.AlertCondition;
import com.klinelive.alert.PriceAlert;
import java.util.Optional;

/** A price alert as the file holds it; one that makes no sense (no symbol, no price) is dropped on load. */
public record AlertSpec(String id, String feed, String symbol, double level, AlertCondition condition, boolean repeat) {

    public static AlertSpec of(PriceAlert alert) {
        return new AlertSpec(
                alert.id(), alert.feed(), alert.symbol(), alert.level(), alert.condition(), alert.repeat());
    }

    /** The alert, or empty when this one cannot be armed. */
    public Optional<PriceAlert> toAlert() {
        try {
            return Optional.of(new PriceAlert(id, Texts.orEmpty(feed), symbol, level, condition, repeat));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
