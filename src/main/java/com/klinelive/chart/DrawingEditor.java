package com.klinelive.chart;

import com.klinelive.chart.drawing.Anchor;
import com.klinelive.chart.drawing.Drawing;
import com.klinelive.chart.drawing.DrawingTool;
import com.klinelive.chart.drawing.DrawingView;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Places, selects, moves and deletes drawings with the mouse and keys: with a tool in hand a press places its
 * first point and a drag (or a second click) its second; without one, a press on a drawing selects it, dragging a
 * handle moves that point and dragging the drawing moves all of it. Del deletes the selected drawing, Esc puts the
 * tool down, Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo. Every edit is one undo step. Input it does not use
 * goes on to panning and zooming.
 */
final class DrawingEditor {

    /** How near, in pixels, the pointer has to be to a drawing or a handle to take it. */
    static final double GRIP = 6;

    /** What the editor works on: the skin. */
    interface Target {

        /** The drawings' views of the last frame, in the chart's order. */
        List<DrawingView> drawingViews();

        /** Whether plot y lies over the price pane. */
        boolean overPrices(double y);

        /** The moment and price at plot (x, y), snapped to the candle's open, high, low or close by the magnet. */
        Anchor anchorAt(double x, double y, boolean magnet);

        /** Where {@code anchor} stands in plot pixels: {x, y}. */
        double[] pixelOf(Anchor anchor);

        /** The selection changed: the drawings layer repaints. */
        void selectionChanged();
    }

    private enum Mode {
        NONE,
        PLACING,
        AWAITING_SECOND,
        MOVING_POINT,
        MOVING_ALL
    }

    private final CandleChart chart;
    private final Target target;
    private Mode mode = Mode.NONE;
    private int selected = -1;
    private int point;
    private List<Drawing> before;
    private Drawing moving;
    private double pressX;
    private double pressY;

    DrawingEditor(CandleChart chart, Target target) {
        this.chart = chart;
        this.target = target;
    }

    /** The selected drawing's index, or -1. */
    int selected() {
        return selected < chart.getDrawings().size() ? selected : -1;
    }

    /** A press on the panes: true when it placed, selected or took a drawing (no panning then). */
    boolean pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return false;
        }
        double x = e.getX();
        double y = e.getY();
        pressX = x;
        pressY = y;
        List<Drawing> drawings = chart.getDrawings();
        if (mode == Mode.AWAITING_SECOND) {
            finish();
            return true;
        }
        DrawingTool tool = chart.getDrawingTool();
        if (tool != null && target.overPrices(y)) {
            before = List.copyOf(drawings);
            Anchor first = target.anchorAt(x, y, chart.isMagnet());
            if (tool.hasText()) {
                askText(tool, first);
                return true;
            }
            List<Anchor> anchors = new ArrayList<>();
            for (int i = 0; i < tool.anchors(); i++) {
                anchors.add(first);
            }
            drawings.add(new Drawing(tool, anchors));
            select(drawings.size() - 1);
            if (tool.anchors() == 1) {
                finish();
            } else {
                mode = Mode.PLACING;
                point = 1;
            }
            return true;
        }
        List<DrawingView> views = target.drawingViews();
        for (int i = Math.min(views.size(), drawings.size()) - 1; i >= 0; i--) {
            DrawingView view = views.get(i);
            for (int a = 0; a < view.x().length; a++) {
                if (i == selected && Math.hypot(view.x()[a] - x, view.y()[a] - y) <= GRIP) {
                    start(Mode.MOVING_POINT, i);
                    point = a;
                    return true;
                }
            }
            if (drawings.get(i).tool().distance(view, x, y) <= GRIP) {
                select(i);
                start(Mode.MOVING_ALL, i);
                return true;
            }
        }
        select(-1);
        return false;
    }

    /** A pointer move without a button: the second point follows it after a click that placed the first. */
    void moved(MouseEvent e) {
        if (mode == Mode.AWAITING_SECOND) {
            movePoint(e.getX(), e.getY());
        }
    }

    boolean dragged(MouseEvent e) {
        switch (mode) {
            case PLACING, MOVING_POINT, AWAITING_SECOND -> movePoint(e.getX(), e.getY());
            case MOVING_ALL -> moveAll(e.getX() - pressX, e.getY() - pressY);
            case NONE -> {
                return false;
            }
        }
        return true;
    }

    boolean released(MouseEvent e) {
        if (mode == Mode.NONE) {
            return false;
        }
        boolean click = Math.hypot(e.getX() - pressX, e.getY() - pressY) < 3;
        if (mode == Mode.PLACING && click) {
            // Placed with a click: the second point follows the pointer until the next click.
            mode = Mode.AWAITING_SECOND;
            return true;
        }
        if (mode != Mode.AWAITING_SECOND) {
            finish();
        }
        return true;
    }

    /** Keys for drawings: true when one was used. */
    boolean keyPressed(KeyEvent e) {
        KeyCode code = e.getCode();
        if (e.isShortcutDown() && code == KeyCode.Z) {
            cancel();
            return e.isShiftDown() ? chart.redoDrawing() : chart.undoDrawing();
        }
        if (e.isShortcutDown() && code == KeyCode.Y) {
            cancel();
            return chart.redoDrawing();
        }
        if ((code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) && selected() >= 0) {
            List<Drawing> was = List.copyOf(chart.getDrawings());
            chart.getDrawings().remove(selected());
            chart.recordDrawingEdit(was);
            select(-1);
            return true;
        }
        if (code == KeyCode.ESCAPE) {
            boolean used = chart.getDrawingTool() != null || selected >= 0 || mode != Mode.NONE;
            cancel();
            chart.setDrawingTool(null);
            select(-1);
            return used;
        }
        return false;
    }

    private void start(Mode next, int index) {
        mode = next;
        before = List.copyOf(chart.getDrawings());
        moving = chart.getDrawings().get(index);
        selected = index;
    }

    private void movePoint(double x, double y) {
        int i = selected();
        if (i < 0) {
            return;
        }
        Drawing d = chart.getDrawings().get(i);
        chart.getDrawings().set(i, d.withAnchor(point, target.anchorAt(x, y, chart.isMagnet())));
    }

    /** Moves every point of the drawing by the pointer's way from the press, in pixels, then back to moments. */
    private void moveAll(double dx, double dy) {
        int i = selected();
        if (i < 0 || moving == null) {
            return;
        }
        List<Anchor> anchors = new ArrayList<>();
        for (Anchor a : moving.anchors()) {
            double[] p = target.pixelOf(a);
            anchors.add(target.anchorAt(p[0] + dx, p[1] + dy, false));
        }
        chart.getDrawings().set(i, new Drawing(moving.tool(), anchors, moving.text()));
    }

    /** Ends an edit: one undo step if anything changed, and the tool is put down. */
    private void finish() {
        if (before != null && !before.equals(chart.getDrawings())) {
            chart.recordDrawingEdit(before);
        }
        if (mode == Mode.PLACING || mode == Mode.AWAITING_SECOND || before != null && chart.getDrawingTool() != null) {
            chart.setDrawingTool(null);
        }
        mode = Mode.NONE;
        before = null;
        moving = null;
    }

    /** Drops an edit under way: the drawings go back to how they were. */
    private void cancel() {
        if (mode != Mode.NONE && before != null) {
            chart.getDrawings().setAll(before);
        }
        mode = Mode.NONE;
        before = null;
        moving = null;
    }

    private void askText(DrawingTool tool, Anchor at) {
        TextInputDialog dialog = new TextInputDialog();
        ChartMessages messages = chart.messages();
        dialog.setTitle(messages.drawingToolName(tool));
        dialog.setHeaderText(null);
        dialog.setContentText(messages.get("note.prompt"));
        // The button types' own texts follow the machine's locale, not the chart's.
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).setText(messages.get("dialog.ok"));
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(messages.get("dialog.cancel"));
        if (chart.getScene() != null) {
            dialog.initOwner(chart.getScene().getWindow());
        }
        dialog.setOnHidden(e -> {
            String text = dialog.getResult();
            if (text != null && !text.isBlank()) {
                List<Drawing> was = List.copyOf(chart.getDrawings());
                String note = text.strip();
                chart.getDrawings()
                        .add(new Drawing(
                                tool, List.of(at), note.substring(0, Math.min(note.length(), Drawing.MAX_TEXT))));
                chart.recordDrawingEdit(was);
                select(chart.getDrawings().size() - 1);
            }
            chart.setDrawingTool(null);
        });
        dialog.show();
    }

    private void select(int index) {
        if (index != selected) {
            selected = index;
            target.selectionChanged();
        }
    }
}
