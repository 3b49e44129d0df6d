package com.klinelive.chart.scale;

/**
 * The {@link java.time.format.DateTimeFormatter} patterns of the time labels, one language's way of writing dates
 * ({@code Nov 25} in English, {@code 11月25日} in Chinese); the chart reads them from its resource bundle. Times of
 * day are on a 24-hour clock in every language, as traders read them.
 *
 * @param seconds     a time of day with seconds on the axis: {@code HH:mm:ss}
 * @param minutes     a time of day on the axis: {@code HH:mm}
 * @param day         a new day on the axis: {@code MMM d}
 * @param month       a new month on the axis: {@code MMM}
 * @param year        a new year on the axis: {@code yyyy}
 * @param fullSeconds the crosshair's time for candles shorter than a minute
 * @param fullMinutes the crosshair's time for candles of a minute or longer
 * @param fullDay     the crosshair's time for a candle of a day or longer that begins at local midnight
 */
public record TimePatterns(
        String seconds,
        String minutes,
        String day,
        String month,
        String year,
        String fullSeconds,
        String fullMinutes,
        String fullDay) {

    /** English: {@code Nov 25}, {@code Tue 25 Nov 2025 12:34}. */
    public static final TimePatterns ENGLISH = new TimePatterns(
            "HH:mm:ss",
            "HH:mm",
            "MMM d",
            "MMM",
            "yyyy",
            "EEE d MMM yyyy HH:mm:ss",
            "EEE d MMM yyyy HH:mm",
            "EEE d MMM yyyy");
}
