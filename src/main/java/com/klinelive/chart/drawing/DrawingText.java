package com.klinelive.chart.drawing;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Drawings as text, for settings: one per line, the tool's id and each anchor's time and price after colons, a
 * note's text last, URL-encoded: {@code trend:1764000000000:43250.5:1764003600000:43800.0}. An entry that does not
 * read is left out, so a damaged setting costs that drawing, never the chart.
 */
public final class DrawingText {

    private DrawingText() {}

    public static String format(List<Drawing> drawings) {
        StringBuilder text = new StringBuilder();
        for (Drawing d : drawings) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(d.tool().id());
            for (Anchor a : d.anchors()) {
                text.append(':').append(a.time()).append(':').append(a.price());
            }
            if (d.tool().hasText()) {
                text.append(':').append(URLEncoder.encode(d.text(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    public static List<Drawing> parse(String text) {
        List<Drawing> drawings = new ArrayList<>();
        for (String line : text.split("\n")) {
            try {
                Drawing d = parseOne(line.trim());
                if (d != null) {
                    drawings.add(d);
                }
            } catch (IllegalArgumentException e) {
                // Left out: see above.
            }
        }
        return drawings;
    }

    private static Drawing parseOne(String line) {
        if (line.isEmpty()) {
            return null;
        }
        String[] parts = line.split(":", -1);
        DrawingTool tool = DrawingTools.byId(parts[0])
                .orElseThrow(() -> new IllegalArgumentException("unknown drawing tool " + parts[0]));
        int needed = 1 + 2 * tool.anchors() + (tool.hasText() ? 1 : 0);
        if (parts.length != needed) {
            throw new IllegalArgumentException("bad drawing " + line);
        }
        List<Anchor> anchors = new ArrayList<>();
        for (int i = 0; i < tool.anchors(); i++) {
            anchors.add(new Anchor(Long.parseLong(parts[1 + 2 * i]), Double.parseDouble(parts[2 + 2 * i])));
        }
        String note = tool.hasText() ? URLDecoder.decode(parts[needed - 1], StandardCharsets.UTF_8) : "";
        return new Drawing(tool, anchors, note);
    }
}
