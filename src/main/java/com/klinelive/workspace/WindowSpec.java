package com.klinelive.workspace;

/**
 * Where a window was, in screen pixels.
 *
 * @param placed whether {@code x} and {@code y} say where it was; false lets the system place it
 */
public record WindowSpec(double x, double y, double width, double height, boolean maximized, boolean placed) {

    /** A window the system places: 1280x800 or what fits. */
    public static final WindowSpec DEFAULT = new WindowSpec(0, 0, 1280, 800, false, false);

    /** A window at {@code x}, {@code y}. */
    public static WindowSpec at(double x, double y, double width, double height, boolean maximized) {
        return new WindowSpec(x, y, width, height, maximized, true);
    }

    /** This, with sizes a window can have; a garbled size becomes the default one. */
    WindowSpec normalized() {
        boolean sized = width >= 200 && height >= 150 && width <= 100_000 && height <= 100_000;
        boolean where = placed && Math.abs(x) <= 100_000 && Math.abs(y) <= 100_000;
        return new WindowSpec(
                where ? x : 0,
                where ? y : 0,
                sized ? width : DEFAULT.width,
                sized ? height : DEFAULT.height,
                maximized,
                where);
    }
}
