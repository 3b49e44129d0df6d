package com.klinelive.chart.scale;

import java.util.List;

/**
 * How a language shortens large volumes: English counts in thousands ({@code 12.5K}, {@code 3.21M}), Chinese in
 * ten thousands ({@code 1.25万}, {@code 3.21亿}), as traders there read them.
 *
 * @param group    the factor between two suffixes: 1,000 or 10,000
 * @param suffixes the suffix of each power of {@code group}, from the first: {@code K, M, B, T}
 */
public record VolumeUnits(int group, List<String> suffixes) {

    /** Thousands: K, M, B, T. */
    public static final VolumeUnits THOUSANDS = new VolumeUnits(1_000, List.of("K", "M", "B", "T"));

    public VolumeUnits {
        if (group < 10) {
            throw new IllegalArgumentException("volume group " + group + " is not a power of ten of at least 10");
        }
        suffixes = List.copyOf(suffixes);
    }

    /**
     * The units written as {@code 1000 K M B T}: the group, then the suffixes, separated by spaces.
     *
     * @throws IllegalArgumentException for text in another form
     */
    public static VolumeUnits parse(String text) {
        String[] parts = text.trim().split("\\s+");
        try {
            return new VolumeUnits(Integer.parseInt(parts[0]), List.of(parts).subList(1, parts.length));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("volume units '" + text + "' do not start with a number", e);
        }
    }
}
