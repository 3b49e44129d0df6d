package com.klinelive.app;

import com.klinelive.chart.ChartMessages;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The time zone and the language the chart shows, as {@code --zone ZONE} and {@code --lang en|zh} give them; a null
 * field keeps what the settings remember. The zone is kept as text, so that {@code local} stays the computer's zone
 * wherever the settings travel: {@code UTC}, {@code local}, or a zone id ({@code America/New_York},
 * {@code +08:00}). Apply it with {@code chart.setZone(options.zoneId())} and
 * {@code chart.setLocale(options.language())}.
 *
 * @param zone     {@code UTC}, {@link #LOCAL}, or a zone id as {@link ZoneId#getId()} writes it; null for none given
 * @param language one of {@link ChartMessages#LANGUAGES}; null for none given
 */
public record DisplayOptions(String zone, Locale language) {

    /** The zone text for the computer's own zone. */
    public static final String LOCAL = "local";

    /** Nothing given: the remembered zone and language. */
    public static final DisplayOptions NONE = new DisplayOptions(null, null);

    /**
     * The options of {@code --zone} and {@code --lang}, each null when not given. A zone is {@code UTC} (also
     * {@code Z}, {@code GMT}), {@code local} (also {@code system}), an offset ({@code +08:00}, {@code UTC+8}) or a
     * region id in any case ({@code america/new_york}); a language is {@code en} or {@code zh}, with or without a
     * region ({@code zh-CN}, {@code en_US}).
     *
     * @throws IllegalArgumentException saying which flag is wrong and what it takes
     */
    public static DisplayOptions parse(String zone, String language) {
        return new DisplayOptions(zone == null ? null : zoneText(zone), language == null ? null : language(language));
    }

    /** The zone to show: the computer's for {@code local}, UTC when none was given. */
    public ZoneId zoneId() {
        return zone == null ? ZoneOffset.UTC : resolve(zone);
    }

    /**
     * The zone {@code text} names, as {@link #zone()} holds it (a remembered setting): the computer's for
     * {@code local}.
     *
     * @throws IllegalArgumentException for text that names no zone
     */
    public static ZoneId resolve(String text) {
        String zone = zoneText(text);
        return LOCAL.equals(zone) ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    private static String zoneText(String given) {
        String text = given.trim();
        switch (text.toLowerCase(Locale.ROOT)) {
            case "utc", "z", "gmt", "uct", "zulu":
                return "UTC";
            case "local", "system":
                return LOCAL;
            default:
                break;
        }
        try {
            return ZoneId.of(text).getId();
        } catch (DateTimeException e) {
            for (String id : ZoneId.getAvailableZoneIds()) {
                if (id.equalsIgnoreCase(text)) {
                    return id;
                }
            }
            throw new IllegalArgumentException("--zone: unknown time zone '" + text
                    + "' (use UTC, local, an offset such as +08:00, or a zone id such as America/New_York)");
        }
    }

    private static Locale language(String given) {
        Locale wanted = Locale.forLanguageTag(given.trim().replace('_', '-'));
        for (Locale language : ChartMessages.LANGUAGES) {
            if (!wanted.getLanguage().isEmpty() && language.getLanguage().equals(wanted.getLanguage())) {
                return language;
            }
        }
        throw new IllegalArgumentException("--lang: unknown language '" + given.trim() + "' (use en or zh)");
    }
}
