package com.klinelive.recording;

import java.nio.charset.StandardCharsets;

/**
 * The constants of the tick recording format, specified in docs/PROTOCOL.md ("Tick recordings"): a header, then
 * frames, each the trades of at most about a second, self-contained, with its length and a CRC-32C of its payload.
 */
final class TickFileFormat {

    /** The first bytes of every recording: "KLTICKS", a newline, and the format version. */
    static final byte[] MAGIC = "KLTICKS\n".getBytes(StandardCharsets.US_ASCII);

    static final int VERSION = 1;

    static final int HEADER_BYTES = MAGIC.length + 1;

    /** Most payload bytes in a frame; a writer closes a frame at 64 KiB, a reader refuses more than this. */
    static final int MAX_FRAME = 1 << 20;

    /** A writer closes its frame when the payload reaches this size, or when a second is over. */
    static final int FRAME_TARGET = 64 << 10;

    /** Record: a symbol used in this frame. varint id (0, 1, 2... in order), varint length, UTF-8 bytes. */
    static final int SYMBOL = 1;

    /**
     * Record: one trade. varint symbol id; zigzag varint seq minus the previous seq of that symbol in the frame
     * (0 before the first); zigzag varint time minus the previous trade's time in the frame (0 before the first);
     * price and size as decimals.
     */
    static final int TRADE = 2;

    /** Record: trades the recorder had to drop (the disk did not keep up): varint count. */
    static final int LOST = 3;

    /** Longest symbol, in UTF-8 bytes. */
    static final int MAX_SYMBOL_BYTES = 256;

    /** Decimal: a scale byte 0..15 then a zigzag varint unscaled value (value = unscaled / 10^scale)... */
    static final int MAX_SCALE = 15;

    /** ...or this byte, then the 8 bytes of the IEEE 754 double, little-endian. */
    static final int RAW_DOUBLE = 0xFF;

    private TickFileFormat() {}
}
