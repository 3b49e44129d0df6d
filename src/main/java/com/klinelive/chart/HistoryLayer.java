package com.klinelive.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a pane's history canvas shows: the setting it was painted with (geometry, scale, grid, split, studies and
 * their colours) and the studies' values at every bar left of the live layer. A frame repaints it only when it
 * would paint something else there; a live trade that changes just the newest candle then repaints only the
 * narrow live layer, which on the software pipeline is the difference between redrawing (and compositing) a
 * window-sized canvas and a strip a few candles wide.
 *
 * <p>The comparison is by value, over the values themselves, not by guessing from what changed in the book: a
 * late trade in an older candle, a history repair or a new candle scrolling in all change some value left of the
 * split, and so repaint the pane. The bars themselves are compared once per frame for all panes by the painter.
 * FX thread only.
 */
final class HistoryLayer {

    private final List<double[]> values = new ArrayList<>();
    private Object setting;

    /**
     * Whether the canvas already shows what a frame with {@code setting} and these studies would paint left of
     * the split.
     *
     * @param shared the bars left of the split: all but the newest when there is a live layer, else all
     */
    boolean shows(Object setting, List<StudyFrame> studies, int shared) {
        if (!setting.equals(this.setting) || studies.size() != values.size()) {
            return false;
        }
        for (int s = 0; s < studies.size(); s++) {
            StudyFrame study = studies.get(s);
            int n = study.length(shared);
            double[] shown = values.get(s);
            if (shown.length < n || !Arrays.equals(study.values(), 0, n, shown, 0, n)) {
                return false;
            }
        }
        return true;
    }

    /** Records that the canvas now shows this; call after painting it. */
    void remember(Object setting, List<StudyFrame> studies, int bars) {
        this.setting = setting;
        while (values.size() > studies.size()) {
            values.remove(values.size() - 1);
        }
        for (int s = 0; s < studies.size(); s++) {
            StudyFrame study = studies.get(s);
            int n = study.length(bars);
            if (s == values.size()) {
                values.add(new double[0]);
            }
            double[] copy = values.get(s);
            if (copy.length < n) {
                copy = new double[Math.max(n, copy.length * 2)];
                values.set(s, copy);
            }
            System.arraycopy(study.values(), 0, copy, 0, n);
        }
    }

    /** Forgets what is shown, so the next frame repaints the pane. */
    void forget() {
        setting = null;
    }
}
