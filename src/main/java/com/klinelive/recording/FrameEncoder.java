package com.klinelive.recording;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the payload of one frame: symbol records on first use, then trade records with sequence and time as
 * differences from the previous ones of the frame, prices and sizes as short exact decimals. About 11 bytes a
 * trade. Every frame starts afresh, so each one decodes on its own. Not thread-safe.
 */
final class FrameEncoder {

    private static final double[] POWERS = new double[TickFileFormat.MAX_SCALE + 1];

    static {
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = Math.pow(10, i);
        }
    }

    private byte[] bytes = new byte[TickFileFormat.FRAME_TARGET + 1024];
    private int size;
    private final Map<String, int[]> ids = new HashMap<>();
    private long[] lastSeqs = new long[8];
    private long lastTime;
    private int trades;

    int size() {
        return size;
    }

    int trades() {
        return trades;
    }

    byte[] bytes() {
        return bytes;
    }

    /** Empties the frame. */
    void reset() {
        size = 0;
        ids.clear();
        lastTime = 0;
        trades = 0;
    }

    void trade(String symbol, long seq, long time, double price, double quantity) {
        int id = idOf(symbol);
        ensure(48);
        bytes[size++] = TickFileFormat.TRADE;
        varint(id);
        varint(zigzag(seq - lastSeqs[id]));
        varint(zigzag(time - lastTime));
        decimal(price);
        decimal(quantity);
        lastSeqs[id] = seq;
        lastTime = time;
        trades++;
    }

    void lost(long count) {
        ensure(12);
        bytes[size++] = TickFileFormat.LOST;
        varint(count);
    }

    private int idOf(String symbol) {
        int[] known = ids.get(symbol);
        if (known != null) {
            return known[0];
        }
        byte[] name = symbol.getBytes(StandardCharsets.UTF_8);
        if (name.length == 0 || name.length > TickFileFormat.MAX_SYMBOL_BYTES) {
            throw new IllegalArgumentException("a symbol takes 1 to 256 bytes: " + name.length);
        }
        int id = ids.size();
        ids.put(symbol, new int[] {id});
        if (id == lastSeqs.length) {
            lastSeqs = Arrays.copyOf(lastSeqs, id * 2);
        }
        lastSeqs[id] = 0;
        ensure(12 + name.length);
        bytes[size++] = TickFileFormat.SYMBOL;
        varint(id);
        varint(name.length);
        System.arraycopy(name, 0, bytes, size, name.length);
        size += name.length;
        return id;
    }

    /**
     * The shortest decimal whose quotient by a power of ten gives back exactly this double (prices such as
     * 43250.51 take a scale byte and 4 bytes); any other value is stored raw.
     */
    private void decimal(double value) {
        for (int scale = 0; scale <= TickFileFormat.MAX_SCALE; scale++) {
            double scaled = value * POWERS[scale];
            if (Math.abs(scaled) >= 0x1p53) {
                break;
            }
            long unscaled = Math.round(scaled);
            if (Double.doubleToRawLongBits(unscaled / POWERS[scale]) == Double.doubleToRawLongBits(value)) {
                bytes[size++] = (byte) scale;
                varint(zigzag(unscaled));
                return;
            }
        }
        bytes[size++] = (byte) TickFileFormat.RAW_DOUBLE;
        long bits = Double.doubleToRawLongBits(value);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (bits >>> (8 * i));
        }
    }

    /** The value a decimal of {@code scale} and {@code unscaled} stands for: the reader's half of {@link #decimal}. */
    static double decimal(int scale, long unscaled) {
        return unscaled / POWERS[scale];
    }

    private void varint(long value) {
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
