package com.klinelive.chart;

import com.klinelive.chart.scale.Viewport;
import javafx.event.EventHandler;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;

/**
 * Turns mouse, trackpad and keyboard input into view changes: wheel or pinch zooms around the pointer, a drag or
 * a horizontal swipe pans, arrow keys pan, +/- zoom, Home shows the oldest candle, End and Space go live. The
 * pointer's position over the panes drives the crosshair; dragging the divider between two panes resizes them.
 * Dragging the price axis stretches the prices (auto-fit off; the chart then drags up and down too),
 * double-clicking it fits them again. Drawings take the mouse and keys first ({@link DrawingEditor}).
 */
final class ChartInput {

    /** What the input acts on: the skin. */
    interface Target {

        /** The view as the properties state it now, over the current plot width. */
        Viewport currentView();

        /** Makes {@code view} the chart's view; following live if the newest candle is in it. */
        void show(Viewport view);

        void goLive();

        /** Moves the crosshair to plot coordinates, NaN to hide it. */
        void pointAt(double x, double y);

        /** Pixel x of the plot's left edge in chart coordinates. */
        double plotLeft();

        /** The divider between two panes at plot y, or -1 when none is near. */
        int dividerAt(double y);

        /** Starts dragging divider {@code divider}. */
        void beginDividerDrag(int divider);

        /** Moves the divider being dragged to {@code dy} pixels from where the drag started. */
        void dragDivider(double dy);

        /** Whether plot y lies over the price pane. */
        boolean overPrices(double y);

        /** Starts a drag that stretches or moves the price range from where it is now; turns auto-fit off. */
        void beginPriceDrag();

        /** Stretches the price range by a drag of {@code dy} pixels from its start: down shows more range. */
        void stretchPrices(double dy);

        /**
         * Moves the price range with a drag of {@code dy} pixels from its start, when auto-fit is off.
         *
         * @return whether it moved (auto-fit is off)
         */
        boolean panPrices(double dy);

        /** Fits the price range to the candles again (auto-fit on). */
        void resetPrices();
    }

    /** How close to a divider, in pixels, the pointer grabs it. */
    static final double DIVIDER_GRIP = 4;

    /** Zoom per wheel notch. */
    private static final double WHEEL_ZOOM = 1.15;

    /** Pixels per wheel notch where the platform does not say. */
    private static final double PIXELS_PER_NOTCH = 40;

    /** Share of the plot width one arrow key press pans by. */
    private static final double KEY_PAN = 0.125;

    private static final double KEY_ZOOM = 1.25;

    private final Node chart;
    private final Node surface;
    private final DrawingEditor editor;
    private final Node priceAxis;
    private final Target target;
    private boolean pricePan;
    private double dragStartX;
    private double dragStartY;
    private Viewport dragStartView;
    private int divider = -1;

    private final EventHandler<MouseEvent> moved = this::moved;
    private final EventHandler<MouseEvent> exited = e -> pointAt(Double.NaN, Double.NaN);
    private final EventHandler<MouseEvent> pressed = this::pressed;
    private final EventHandler<MouseEvent> dragged = this::dragged;
    private final EventHandler<MouseEvent> released = this::released;
    private final EventHandler<ScrollEvent> scrolled = this::scrolled;
    private final EventHandler<ZoomEvent> zoomed = this::zoomed;
    private final EventHandler<KeyEvent> keyPressed = this::keyPressed;
    private final EventHandler<MouseEvent> axisPressed = this::axisPressed;
    private final EventHandler<MouseEvent> axisDragged = this::axisDragged;

    /**
     * @param chart   the control: receives wheel, pinch and keys
     * @param surface   the node over the panes: receives pointer moves and drags
     * @param priceAxis the price pane's axis: dragged to stretch the prices, double-clicked to fit them again
     */
    ChartInput(Node chart, Node surface, Node priceAxis, Target target, DrawingEditor editor) {
        this.chart = chart;
        this.editor = editor;
        this.surface = surface;
        this.priceAxis = priceAxis;
        this.target = target;
        priceAxis.setCursor(Cursor.V_RESIZE);
        priceAxis.addEventHandler(MouseEvent.MOUSE_PRESSED, axisPressed);
        priceAxis.addEventHandler(MouseEvent.MOUSE_DRAGGED, axisDragged);
        surface.addEventHandler(MouseEvent.MOUSE_MOVED, moved);
        surface.addEventHandler(MouseEvent.MOUSE_EXITED, exited);
        surface.addEventHandler(MouseEvent.MOUSE_PRESSED, pressed);
        surface.addEventHandler(MouseEvent.MOUSE_DRAGGED, dragged);
        surface.addEventHandler(MouseEvent.MOUSE_RELEASED, released);
        chart.addEventHandler(ScrollEvent.SCROLL, scrolled);
        chart.addEventHandler(ZoomEvent.ZOOM, zoomed);
        chart.addEventHandler(KeyEvent.KEY_PRESSED, keyPressed);
    }

    /** Removes every handler this added. */
    void dispose() {
        priceAxis.removeEventHandler(MouseEvent.MOUSE_PRESSED, axisPressed);
        priceAxis.removeEventHandler(MouseEvent.MOUSE_DRAGGED, axisDragged);
        surface.removeEventHandler(MouseEvent.MOUSE_MOVED, moved);
        surface.removeEventHandler(MouseEvent.MOUSE_EXITED, exited);
        surface.removeEventHandler(MouseEvent.MOUSE_PRESSED, pressed);
        surface.removeEventHandler(MouseEvent.MOUSE_DRAGGED, dragged);
        surface.removeEventHandler(MouseEvent.MOUSE_RELEASED, released);
        chart.removeEventHandler(ScrollEvent.SCROLL, scrolled);
        chart.removeEventHandler(ZoomEvent.ZOOM, zoomed);
        chart.removeEventHandler(KeyEvent.KEY_PRESSED, keyPressed);
    }

    private void pointAt(double x, double y) {
        target.pointAt(x, y);
    }

    private void moved(MouseEvent e) {
        editor.moved(e);
        surface.setCursor(target.dividerAt(e.getY()) >= 0 ? Cursor.V_RESIZE : Cursor.CROSSHAIR);
        pointAt(e.getX(), e.getY());
    }

    private void pressed(MouseEvent e) {
        chart.requestFocus();
        dragStartX = e.getX();
        dragStartY = e.getY();
        dragStartView = null;
        divider = -1;
        if (editor.pressed(e)) {
            e.consume();
            return;
        }
        divider = target.dividerAt(e.getY());
        if (divider >= 0) {
            target.beginDividerDrag(divider);
            dragStartView = null;
        } else {
            dragStartView = target.currentView();
            pricePan = target.overPrices(e.getY());
            if (pricePan) {
                target.beginPriceDrag();
            }
        }
    }

    private void dragged(MouseEvent e) {
        if (editor.dragged(e)) {
            pointAt(e.getX(), e.getY());
            e.consume();
            return;
        }
        if (divider >= 0) {
            target.dragDivider(e.getY() - dragStartY);
            e.consume();
            return;
        }
        if (dragStartView == null) {
            return;
        }
        surface.setCursor(Cursor.CLOSED_HAND);
        target.show(dragStartView.pan(e.getX() - dragStartX));
        if (pricePan) {
            target.panPrices(e.getY() - dragStartY);
        }
        pointAt(e.getX(), e.getY());
        e.consume();
    }

    private void released(MouseEvent e) {
        editor.released(e);
        dragStartView = null;
        divider = -1;
        surface.setCursor(target.dividerAt(e.getY()) >= 0 ? Cursor.V_RESIZE : Cursor.CROSSHAIR);
    }

    private void axisPressed(MouseEvent e) {
        chart.requestFocus();
        if (e.getClickCount() == 2) {
            target.resetPrices();
        } else {
            dragStartY = e.getY();
            target.beginPriceDrag();
        }
        e.consume();
    }

    private void axisDragged(MouseEvent e) {
        target.stretchPrices(e.getY() - dragStartY);
        e.consume();
    }

    private void scrolled(ScrollEvent e) {
        Viewport view = target.currentView();
        if (Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            target.show(view.pan(e.getDeltaX()));
        } else if (e.getDeltaY() != 0) {
            // Wheel up (positive delta) zooms in. Deltas are notches times the platform's pixels per notch.
            double notches = e.getDeltaY() / (e.getMultiplierY() > 0 ? e.getMultiplierY() : PIXELS_PER_NOTCH);
            target.show(view.zoom(Math.pow(WHEEL_ZOOM, notches), anchor(view, e.getX())));
        }
        e.consume();
    }

    private void zoomed(ZoomEvent e) {
        Viewport view = target.currentView();
        target.show(view.zoom(e.getZoomFactor(), anchor(view, e.getX())));
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (editor.keyPressed(e)) {
            e.consume();
            return;
        }
        Viewport view = target.currentView();
        switch (e.getCode()) {
            case LEFT -> target.show(view.pan(view.width() * KEY_PAN));
            case RIGHT -> target.show(view.pan(-view.width() * KEY_PAN));
            case PLUS, ADD, EQUALS -> target.show(view.zoom(KEY_ZOOM, keyAnchor(view)));
            case MINUS, SUBTRACT -> target.show(view.zoom(1 / KEY_ZOOM, keyAnchor(view)));
            case HOME -> target.show(view.oldestAtLeft());
            case END, SPACE -> target.goLive();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** The plot x under a pointer at chart x, kept inside the plot. */
    private double anchor(Viewport view, double chartX) {
        return Math.max(0, Math.min(view.width(), chartX - target.plotLeft()));
    }

    /** Keys zoom around the newest candle while it is on screen, else around the middle. */
    private static double keyAnchor(Viewport view) {
        return view.showsNewest() ? Math.min(view.width(), view.x(view.count())) : view.width() / 2;
    }
}
