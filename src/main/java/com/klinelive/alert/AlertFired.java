package com.klinelive.alert;

/**
 * An alert fired.
 *
 * @param alert the alert
 * @param time  the event time of the trade that fired it, epoch milliseconds UTC
 * @param price the trade's price
 * @param spent whether the alert fired for the last time (a one-shot alert)
 */
public record AlertFired(PriceAlert alert, long time, double price, boolean spent) {}
