package com.klinelive.chart.type;

/**
 * Where candle bodies and wicks fall on the device pixel grid, so every edge is crisp at any render scale (HiDPI):
 * coordinates are rounded in device pixels and converted back to the canvas's logical units for drawing.
 * Bodies get the parity of the wick, so the wick sits exactly in the middle of its body.
 */
public final class BarGeometry {

    /** Device pixels per logical pixel. */
    public final double scale;

    /** Width of a wick (and of a thin line) in device pixels. */
    public final int wick;

    /** Width of a body in device pixels, of the wick's parity. */
    public final int body;

    /**
     * @param scale     device pixels per logical pixel (the window's render scale)
     * @param slotWidth logical pixels per bar
     */
    public BarGeometry(double scale, double slotWidth) {
        this.scale = scale;
        this.wick = Math.max(1, (int) Math.round(scale));
        double device = slotWidth * scale;
        int width = device < 3 ? wick : (int) Math.floor(device * 0.8);
        if ((width - wick) % 2 != 0) {
            width--;
        }
        this.body = Math.max(wick, width);
    }

    /** Device column of the left edge of the wick of a bar centred at logical x. */
    public int wickLeft(double centreX) {
        return (int) Math.floor(centreX * scale) - (wick - 1) / 2;
    }

    /** Device column of the left edge of the body of a bar centred at logical x. */
    public int bodyLeft(double centreX) {
        return wickLeft(centreX) - (body - wick) / 2;
    }

    /** Logical y rounded to the device grid, in device pixels. */
    public int deviceY(double logicalY) {
        return (int) Math.round(logicalY * scale);
    }

    /** Device pixels to logical units. */
    public double logical(double device) {
        return device / scale;
    }

    /** The logical coordinate of the centre of the device pixel row or column {@code device}, for 1px lines. */
    public double lineCentre(int device) {
        return (device + 0.5) / scale;
    }
}
