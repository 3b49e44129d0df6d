package com.klinelive.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.chart.drawing.DrawingTools;
import com.klinelive.chart.indicator.Indicators;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.indicator.StudyText;
import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.chart.scale.TimeLabels;
import com.klinelive.chart.type.ChartTypes;
import com.klinelive.model.Timeframe;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The chart's bundle: every text in both languages, read as UTF-8, in the language asked for. */
class ChartMessagesTest {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** A bundle file alone, without the parent a ResourceBundle would fall back to. */
    private static Properties file(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ChartMessages.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " is on the class path");
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyKeyTheChartAsksForHasAnEnglishAndAChineseText() throws IOException {
        Properties english = file("chart.properties");
        Properties chinese = file("chart_zh.properties");
        Set<String> wanted = new TreeSet<>(ChartMessages.requiredKeys());
        List<String> missing = new ArrayList<>();
        for (String key : wanted) {
            if (!english.containsKey(key)) {
                missing.add("en: " + key);
            }
            if (!chinese.containsKey(key)) {
                missing.add("zh: " + key);
            }
        }
        assertEquals(List.of(), missing, "keys without a text");
        Set<String> unused = new TreeSet<>(english.stringPropertyNames());
        unused.addAll(chinese.stringPropertyNames());
        unused.removeAll(wanted);
        assertEquals(Set.of(), unused, "texts no code asks for");
        assertTrue(wanted.contains("indicator.macd.title") && wanted.contains("parameter.k-length"), wanted::toString);
    }

    @Test
    void bothLanguagesTakeTheSameArguments() throws IOException {
        Properties english = file("chart.properties");
        Properties chinese = file("chart_zh.properties");
        Pattern argument = Pattern.compile("\\{\\d}");
        for (String key : english.stringPropertyNames()) {
            assertEquals(
                    arguments(argument, english.getProperty(key)),
                    arguments(argument, chinese.getProperty(key, "")),
                    key);
        }
    }

    private static Set<String> arguments(Pattern argument, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = argument.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void chineseReadsAsUtf8AndNamesEveryKind() {
        ChartMessages zh = ChartMessages.of(CHINESE);
        assertEquals(CHINESE, zh.locale());
        assertEquals("\u56de\u5230\u6700\u65b0 \u21e5", zh.get("go-live"));
        assertEquals(
                "\u8d8b\u52bf\u7ebf",
                zh.drawingToolName(DrawingTools.byId("trend").orElseThrow()));
        assertEquals("\u5e03\u6797\u5e26 (BOLL)", zh.indicatorTitle(Indicators.byId("bollinger")));
        assertEquals(
                "\u5468\u671f",
                zh.parameterName(Indicators.byId("rsi").parameters().get(0)));
        Study sma = StudyText.parse("sma:20");
        assertEquals("MA 20", zh.studyLabel(sma));
        assertEquals("SMA 20", ChartMessages.of(Locale.ENGLISH).studyLabel(sma));
        assertEquals("\u5e73\u5747K\u7ebf", zh.chartTypeName(ChartTypes.byId("heikin-ashi")));
        assertEquals("1\u5c0f\u65f6", zh.timeframeName(Timeframe.H1));
        assertEquals("1h", ChartMessages.of(Locale.ENGLISH).timeframeName(Timeframe.H1));
    }

    @Test
    void theLanguageAskedForWinsOverTheMachines() {
        Locale machine = Locale.getDefault();
        try {
            // The JDK's default lookup falls back to the machine's locale before the base bundle.
            Locale.setDefault(CHINESE);
            java.util.ResourceBundle.clearCache(ChartMessages.class.getClassLoader());
            assertEquals("Go live \u21e5", new ChartMessages(Locale.ENGLISH).get("go-live"));
        } finally {
            Locale.setDefault(machine);
        }
        assertEquals(Locale.ENGLISH, ChartMessages.supported(Locale.GERMANY), "another language reads English");
        assertEquals(CHINESE, ChartMessages.supported(Locale.TRADITIONAL_CHINESE), "any Chinese reads Chinese");
        assertEquals(CHINESE, ChartMessages.supported(Locale.forLanguageTag("zh-Hans-SG")));
    }

    @Test
    void datesAreWrittenInTheLanguageAndVolumesInItsUnits() {
        long january = Instant.parse("2026-01-06T09:30:00Z").toEpochMilli();
        TimeLabels zh = ChartMessages.of(CHINESE).timeLabels(ZoneOffset.UTC);
        assertEquals("2026\u5e741\u67086\u65e5 \u5468\u4e8c 09:30", zh.full(january, 60_000));
        TimeLabels en = ChartMessages.of(Locale.ENGLISH).timeLabels(ZoneOffset.UTC);
        assertEquals("Tue 6 Jan 2026 09:30", en.full(january, 60_000));
        assertEquals(TimeLabels.UTC, en, "English in UTC is the chart's default");

        assertEquals(
                "1.23\u4e07",
                PriceFormat.volume(12_345, ChartMessages.of(CHINESE).volumeUnits()));
        assertEquals("9500", PriceFormat.volume(9_500, ChartMessages.of(CHINESE).volumeUnits()));
        assertEquals(
                "3.21\u4ebf",
                PriceFormat.volume(3.21e8, ChartMessages.of(CHINESE).volumeUnits()));
        assertEquals(
                "12.35K",
                PriceFormat.volume(12_345, ChartMessages.of(Locale.ENGLISH).volumeUnits()));
    }

    @Test
    void keysOfNamesAreTheirLowerCaseWords() {
        assertEquals("k-length", ChartMessages.slug("%K length"));
        assertEquals("fast-length", ChartMessages.slug("Fast length"));
        assertEquals("d", ChartMessages.slug("%D"));
    }
}
