package com.klinelive.chart;

import com.klinelive.chart.drawing.DrawingTool;
import com.klinelive.chart.drawing.DrawingTools;
import com.klinelive.chart.indicator.Indicator;
import com.klinelive.chart.indicator.Indicators;
import com.klinelive.chart.indicator.Parameter;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.scale.ScaleMode;
import com.klinelive.chart.scale.TimeLabels;
import com.klinelive.chart.scale.TimePatterns;
import com.klinelive.chart.scale.VolumeUnits;
import com.klinelive.chart.type.ChartType;
import com.klinelive.chart.type.ChartTypes;
import com.klinelive.model.Timeframe;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chart's user-facing texts in one language, from the resource bundle {@code com/klinelive/chart/chart*.properties}
 * (UTF-8): legend words, the "Go live" button, tooltips, dialog texts, the display names of indicators, chart
 * types, drawing tools, price scales and timeframes, the patterns of dates and times, and the units of large
 * volumes. English is the base bundle; Simplified Chinese the other language. Any other locale reads English, and
 * a key missing in Chinese falls back to English ({@code ChartMessagesTest} lists such keys).
 *
 * <p>The app sets a chart's language with {@link CandleChart#setLocale(Locale)}; its own menus can name the chart's
 * kinds in the same words with {@code ChartMessages.of(locale)}. Immutable and cached per language; any thread.
 */
public final class ChartMessages {

    /** The bundle's base name. */
    public static final String BUNDLE = "com.klinelive.chart.chart";

    /** The languages the chart speaks, the base (English) first. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    /** Keys of fixed texts the chart asks for; the kinds' keys follow from the registered kinds. */
    static final List<String> FIXED_KEYS = List.of(
            "legend.open",
            "legend.high",
            "legend.low",
            "legend.close",
            "legend.volume",
            "go-live",
            "scroll-back.loading",
            "scroll-back.failed",
            "study.settings",
            "study.remove",
            "mark.outage",
            "mark.repair",
            "mark.span",
            "mark.now",
            "dialog.ok",
            "dialog.cancel",
            "dialog.study-settings",
            "dialog.not-a-number",
            "dialog.out-of-range",
            "dialog.whole-out-of-range",
            "dialog.fill",
            "dialog.rising",
            "dialog.falling",
            "note.prompt",
            "time.seconds",
            "time.minutes",
            "time.day",
            "time.month",
            "time.year",
            "time.full-seconds",
            "time.full-minutes",
            "time.full-day",
            "volume.units");

    private static final Map<Locale, ChartMessages> LOADED = new ConcurrentHashMap<>();

    /**
     * Only the bundles of the language asked for and the base: the JDK's default lookup would fall back to the
     * machine's locale, so a Chinese machine asking for English would get Chinese.
     */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;
    private final TimePatterns timePatterns;
    private final VolumeUnits volumeUnits;

    /** The texts of {@code locale}, one of {@link #LANGUAGES}, freshly loaded; {@link #of(Locale)} caches them. */
    ChartMessages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ChartMessages.class.getClassLoader(), NO_FALLBACK);
        this.timePatterns = new TimePatterns(
                get("time.seconds"),
                get("time.minutes"),
                get("time.day"),
                get("time.month"),
                get("time.year"),
                get("time.full-seconds"),
                get("time.full-minutes"),
                get("time.full-day"));
        this.volumeUnits = VolumeUnits.parse(get("volume.units"));
    }

    /** The texts in the chart language nearest {@code wanted}: Chinese for any Chinese locale, else English. */
    public static ChartMessages of(Locale wanted) {
        return LOADED.computeIfAbsent(supported(wanted), ChartMessages::new);
    }

    /** The language of {@link #LANGUAGES} the chart speaks for {@code wanted}: its language if there, else English. */
    public static Locale supported(Locale wanted) {
        for (Locale language : LANGUAGES) {
            if (language.getLanguage().equals(wanted.getLanguage())) {
                return language;
            }
        }
        return LANGUAGES.get(0);
    }

    /** The language of these texts, one of {@link #LANGUAGES}; dates are written in it. */
    public Locale locale() {
        return locale;
    }

    /**
     * The text of {@code key}.
     *
     * @throws MissingResourceException for a key the base bundle lacks too
     */
    public String get(String key) {
        return bundle.getString(key);
    }

    /** The text of {@code key} with {@code arguments} put in ({@link MessageFormat}, in this language). */
    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), locale).format(arguments);
    }

    /** The text of {@code key}, or {@code fallback} where no bundle has it (a kind added without texts). */
    private String getOr(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    /** An indicator's short name, as the legend shows it: {@code SMA}, {@code RSI}; Chinese {@code MA}. */
    public String indicatorName(Indicator indicator) {
        return getOr(indicatorKey(indicator), indicator.name());
    }

    /** An indicator's name for menus: {@code Relative strength index (RSI)}. */
    public String indicatorTitle(Indicator indicator) {
        return getOr(indicatorKey(indicator) + ".title", indicatorName(indicator));
    }

    /** A parameter's name in the settings dialog: {@code Length}. */
    public String parameterName(Parameter parameter) {
        return getOr(parameterKey(parameter.name()), parameter.name());
    }

    /** The name of an indicator's output ({@link Indicator#outputs()}): {@code Signal}. */
    public String outputName(String output) {
        return getOr(outputKey(output), output);
    }

    /** A study's legend name: its indicator's short name and its parameters, {@code SMA 20}, {@code MACD 12 26 9}. */
    public String studyLabel(Study study) {
        StringBuilder text = new StringBuilder(indicatorName(study.indicator()));
        for (double v : study.parameters()) {
            text.append(' ').append(Parameter.format(v));
        }
        return text.toString();
    }

    /** A chart type's name for menus: {@code Hollow candles}. */
    public String chartTypeName(ChartType type) {
        return getOr("chart-type." + type.id(), type.name());
    }

    /** A drawing tool's name for menus and tooltips: {@code Trend line}. */
    public String drawingToolName(DrawingTool tool) {
        return getOr("drawing." + tool.id(), tool.name());
    }

    /** A price scale's name for menus: {@code Logarithmic}. */
    public String scaleModeName(ScaleMode mode) {
        return get("scale." + mode.id());
    }

    /** A timeframe's name for buttons and the legend: {@code 1m}; Chinese {@code 1分}. */
    public String timeframeName(Timeframe timeframe) {
        return getOr("timeframe." + timeframe.label(), timeframe.label());
    }

    /** How dates and times are written in this language. */
    public TimePatterns timePatterns() {
        return timePatterns;
    }

    /** Time labels on the wall clock of {@code zone}, written in this language. */
    public TimeLabels timeLabels(ZoneId zone) {
        return new TimeLabels(zone, locale, timePatterns);
    }

    /** How large volumes are shortened in this language. */
    public VolumeUnits volumeUnits() {
        return volumeUnits;
    }

    /** Every key the chart asks for: the fixed texts and those of every registered kind. */
    public static List<String> requiredKeys() {
        List<String> keys = new ArrayList<>(FIXED_KEYS);
        for (Timeframe timeframe : Timeframe.values()) {
            keys.add("timeframe." + timeframe.label());
        }
        for (ScaleMode mode : ScaleMode.values()) {
            keys.add("scale." + mode.id());
        }
        for (ChartType type : ChartTypes.ALL) {
            keys.add("chart-type." + type.id());
        }
        for (DrawingTool tool : DrawingTools.ALL) {
            keys.add("drawing." + tool.id());
        }
        for (Indicator indicator : Indicators.ALL) {
            keys.add(indicatorKey(indicator));
            keys.add(indicatorKey(indicator) + ".title");
            for (Parameter parameter : indicator.parameters()) {
                keys.add(parameterKey(parameter.name()));
            }
            for (String output : indicator.outputs()) {
                keys.add(outputKey(output));
            }
        }
        return keys.stream().distinct().toList();
    }

    private static String indicatorKey(Indicator indicator) {
        return "indicator." + indicator.id();
    }

    private static String parameterKey(String name) {
        return "parameter." + slug(name);
    }

    private static String outputKey(String name) {
        return "output." + slug(name);
    }

    /** {@code %K length} as a key: lower case, every run of other characters one dash, none at the ends. */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
