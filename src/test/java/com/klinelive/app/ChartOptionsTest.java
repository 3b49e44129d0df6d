package com.klinelive.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.indicator.StudyText;
import com.klinelive.chart.scale.ScaleMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The viewer's chart flags: --panes, --overlays, --chart-type, --scale. */
class ChartOptionsTest {

    @Test
    void flagsGiveTheStudiesTypeAndScale() {
        ChartOptions options = ChartOptions.parse("rsi,macd", "sma:20,ema:50", "heikin-ashi", "log");
        assertEquals(List.of("rsi:14", "macd:12:26:9"), formats(options.panes()));
        assertEquals(List.of("sma:20", "ema:50"), formats(options.overlays()));
        assertEquals("heikin-ashi", options.chartType().id());
        assertEquals(ScaleMode.LOG, options.scale());
    }

    @Test
    void flagsGivenReplaceTheirKindOnlyAndOthersStayAsRemembered() {
        List<Study> remembered = StudyText.parseList("bollinger,volume,atr");
        assertEquals(
                List.of("bollinger:20:2", "rsi:14"),
                formats(ChartOptions.parse("rsi", null, null, null).applyTo(remembered)));
        assertEquals(
                List.of("vwap", "volume", "atr:14"),
                formats(ChartOptions.parse(null, "vwap", null, null).applyTo(remembered)));
        ChartOptions none = ChartOptions.parse(null, null, null, null);
        assertNull(none.chartType());
        assertEquals(remembered, none.applyTo(remembered));
    }

    @Test
    void badFlagsSayWhichAndWhy() {
        assertEquals("--panes: sma is drawn over the prices: use --overlays", message("sma:20", null, null, null));
        assertEquals("--overlays: rsi is drawn in a pane of its own: use --panes", message(null, "rsi", null, null));
        assertTrue(message("rsi:0", null, null, null).startsWith("--panes: rsi: length must be"));
        assertTrue(message(null, null, "renko", null).startsWith("--chart-type: unknown chart type 'renko'"));
        assertEquals("--scale: unknown scale 'cubic' (use linear, log or percent)", message(null, null, null, "cubic"));
    }

    @Test
    void theCommandLineRefusesABadFlagBeforeOpeningAWindow() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new KlineLiveCommand());
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("--panes", "sma:20");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--panes: sma is drawn over the prices: use --overlays"), err.toString());
    }

    private static String message(String panes, String overlays, String type, String scale) {
        return assertThrows(IllegalArgumentException.class, () -> ChartOptions.parse(panes, overlays, type, scale))
                .getMessage();
    }

    private static List<String> formats(List<Study> studies) {
        return studies.stream().map(StudyText::format).toList();
    }
}
