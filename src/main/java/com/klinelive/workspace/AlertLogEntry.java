package com.klinelive.workspace;

/**
 * An alert that fired, as the alert log shows it.
 *
 * @param alertId the alert's id
 * @param feed    the feed's URL
 * @param symbol  the symbol
 * @param text    what the alert was, in words ("crosses up 100.5")
 * @param time    the event time of the trade that fired it, epoch milliseconds UTC
 * @param price   that trade's price
 */
public record AlertLogEntry(String alertId, String feed, String symbol, String text, long time, double price) {

    AlertLogEntry normalized() {
        return new AlertLogEntry(
                Texts.orEmpty(alertId), Texts.orEmpty(feed), Texts.orEmpty(symbol), Texts.orEmpty(text), time, price);
    }
}
