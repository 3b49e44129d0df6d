package com.klinelive.workspace;

/**
 * Settings of the whole app.
 *
 * @param dark          the dark theme (the default) or the light one
 * @param zone          the time zone of labels: {@code UTC}, {@code system} or a zone id such as {@code Europe/Berlin}
 * @param language      {@code system}, {@code en} or {@code zh}
 * @param watchlistOpen whether the watchlist panel shows
 * @param alertLogOpen  whether the alert log panel shows
 */
public record UiSpec(boolean dark, String zone, String language, boolean watchlistOpen, boolean alertLogOpen) {

    public static final UiSpec DEFAULT = new UiSpec(true, "UTC", "system", true, false);

    UiSpec normalized() {
        return new UiSpec(
                dark, Texts.orDefault(zone, "UTC"), Texts.orDefault(language, "system"), watchlistOpen, alertLogOpen);
    }
}
