package com.klinelive.sim;

import com.klinelive.model.DurationText;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Lets command-line options take durations as {@link DurationText} reads them ({@code 90s}, {@code 6h}, ...). */
public final class DurationParser implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** The duration {@code text} stands for, or a usage error saying which forms work. */
    public static Duration parse(String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
