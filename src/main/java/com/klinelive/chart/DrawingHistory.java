package com.klinelive.chart;

import com.klinelive.chart.drawing.Drawing;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Undo and redo of the drawings: the list as it was before each edit. Bounded: the oldest states are forgotten
 * beyond {@link #DEPTH}. FX thread only.
 */
final class DrawingHistory {

    static final int DEPTH = 200;

    private final Deque<List<Drawing>> undo = new ArrayDeque<>();
    private final Deque<List<Drawing>> redo = new ArrayDeque<>();

    /** Remembers {@code before}, the drawings before an edit; a new edit forgets what was undone. */
    void record(List<Drawing> before) {
        undo.push(List.copyOf(before));
        if (undo.size() > DEPTH) {
            undo.removeLast();
        }
        redo.clear();
    }

    /** The drawings before the last edit, or null; {@code now} becomes redoable. */
    List<Drawing> undo(List<Drawing> now) {
        if (undo.isEmpty()) {
            return null;
        }
        redo.push(List.copyOf(now));
        return undo.pop();
    }

    /** The drawings the last undo left, or null; {@code now} becomes undoable again. */
    List<Drawing> redo(List<Drawing> now) {
        if (redo.isEmpty()) {
            return null;
        }
        undo.push(List.copyOf(now));
        return redo.pop();
    }

    void clear() {
        undo.clear();
        redo.clear();
    }
}
