package com.klinelive.chart.drawing;

import java.util.List;
import java.util.Objects;

/**
 * One drawing on a chart: its tool, its anchors (as many as the tool takes) and, for a note, its text. A value:
 * moving a drawing replaces it.
 *
 * @param tool    the kind of drawing
 * @param anchors its points, {@link DrawingTool#anchors()} of them
 * @param text    the note's text; empty for other tools
 */
public record Drawing(DrawingTool tool, List<Anchor> anchors, String text) {

    /** Longest note kept, in characters. */
    public static final int MAX_TEXT = 500;

    public Drawing {
        Objects.requireNonNull(tool, "tool");
        anchors = List.copyOf(anchors);
        text = text == null ? "" : text;
        if (anchors.size() != tool.anchors()) {
            throw new IllegalArgumentException(
                    tool.name() + " takes " + tool.anchors() + " points, not " + anchors.size());
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a note holds at most " + MAX_TEXT + " characters");
        }
    }

    /** A drawing without text. */
    public Drawing(DrawingTool tool, List<Anchor> anchors) {
        this(tool, anchors, "");
    }

    /** This drawing with anchor {@code i} at {@code to}. */
    public Drawing withAnchor(int i, Anchor to) {
        Anchor[] moved = anchors.toArray(new Anchor[0]);
        moved[i] = to;
        return new Drawing(tool, List.of(moved), text);
    }

    /** This drawing moved by {@code millis} and {@code priceStep} at every anchor. */
    public Drawing movedBy(long millis, double priceStep) {
        return new Drawing(
                tool,
                anchors.stream()
                        .map(a -> new Anchor(a.time() + millis, a.price() + priceStep))
                        .toList(),
                text);
    }
}
