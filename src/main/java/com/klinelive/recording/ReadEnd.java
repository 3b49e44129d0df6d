package com.klinelive.recording;

/**
 * Where reading a recording stopped, and why.
 *
 * @param kind     complete, or why the rest could not be read
 * @param offset   the byte after the last whole frame read: everything before it was read
 * @param fileSize the file's size when it was opened
 * @param frames   whole frames read
 * @param trades   trades read
 * @param lost     trades the recorder reported it had to drop (it could not write fast enough)
 * @param detail   what was wrong at {@code offset}; empty when complete
 */
public record ReadEnd(Kind kind, long offset, long fileSize, long frames, long trades, long lost, String detail) {

    /** How a read ended. */
    public enum Kind {
        /** Every byte was read. */
        COMPLETE,
        /** The file ends inside a frame: a crash, or a copy of a recording still being written. */
        TRUNCATED,
        /** A frame fails its checksum or does not decode: the file was damaged after it was written. */
        DAMAGED
    }

    public boolean complete() {
        return kind == Kind.COMPLETE;
    }

    /** One line for a person: what was read and, unless complete, where it stopped and why. */
    public String describe() {
        String read =
                trades + " trades in " + frames + " frames" + (lost > 0 ? ", " + lost + " lost while recording" : "");
        return complete() ? read : read + "; stopped at byte " + offset + " of " + fileSize + ": " + detail;
    }
}
