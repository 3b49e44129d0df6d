package com.klinelive.alert;

/**
 * Hears alerts fire. Called on the feed's network thread that counted the trade, outside any lock: return
 * quickly and hop threads to show anything.
 */
@FunctionalInterface
public interface AlertListener {

    void onFired(AlertFired fired);
}
