package com.klinelive.feed.format.json;

import com.klinelive.feed.protocol.JsonCursor;

/**
 * The exact layout of the last message of a flat mapping (every field a member of the top-level object, as in a
 * Binance trade), learned from a message read the general way: the text before each member's value
 * ({@code {"e":}, {@code ,"E":}, ...) and what to do with the value (read a field, or skip it). A feed sends its
 * messages in one layout, so the next message is matched literally, member by member, with no name scanned or
 * looked up; at the first difference the decoder reads it the general way. Every value is read and checked
 * exactly as on the general path, in the same order, so a bad value fails with the same reason.
 */
final class FlatLayout {

    /** More members than this is not a trade message worth a literal layout. */
    static final int MAX_MEMBERS = 64;
    /** A layout that keeps missing is learned again, but not more often than this, so learning stays rare. */
    static final int RELEARN_AFTER_MISSES = 64;

    private final PathNode root;
    private final char[][] before = new char[MAX_MEMBERS][];
    private final PathNode[] fields = new PathNode[MAX_MEMBERS];
    private char[] end;
    private int members;
    private boolean learned;
    private int misses;

    private FlatLayout(PathNode root) {
        this.root = root;
    }

    /** A layout for {@code root}, or null when some field lies deeper than the top-level object. */
    static FlatLayout forRoot(PathNode root) {
        return root.allChildrenAreFields() ? new FlatLayout(root) : null;
    }

    /** Whether the next message should be tried against the layout first. */
    boolean usable() {
        return learned;
    }

    /** Whether a message just read the general way should be learned from. */
    boolean wantsToLearn() {
        return !learned || misses >= RELEARN_AFTER_MISSES;
    }

    /**
     * Reads the members of the message in the learned layout, each value with {@code reader}. Returns false, with
     * the cursor back where it was, at the first difference.
     */
    boolean read(JsonCursor cursor, FieldReader reader) {
        int start = cursor.mark();
        for (int i = 0; i < members; i++) {
            if (!cursor.consumeIfNext(before[i])) {
                return miss(cursor, start);
            }
            PathNode field = fields[i];
            if (field == null) {
                cursor.skipValue();
            } else {
                reader.read(field);
            }
        }
        return cursor.consumeIfNext(end) || miss(cursor, start);
    }

    /** Learns the layout of {@code message}, a valid message, reading it again; forgets it if it does not fit. */
    void learn(JsonCursor cursor, String message) {
        learned = false;
        misses = 0;
        try {
            record(cursor, message);
        } catch (RuntimeException e) {
            // Not a layout to learn (the message was valid, so this does not happen); the general path reads on.
            learned = false;
        }
    }

    private void record(JsonCursor cursor, String message) {
        cursor.reset(message);
        int mark = cursor.mark();
        cursor.beginObject(null);
        int n = 0;
        while (cursor.hasNext()) {
            if (n == MAX_MEMBERS) {
                return;
            }
            cursor.nextName();
            before[n] = cursor.textSince(mark);
            fields[n] = root.childNamed(cursor);
            cursor.skipValue();
            mark = cursor.mark();
            n++;
        }
        cursor.endObject();
        end = cursor.textSince(mark);
        members = n;
        learned = true;
    }

    private boolean miss(JsonCursor cursor, int start) {
        cursor.rewind(start);
        misses++;
        return false;
    }

    /** Reads the value of one mapped field at the cursor. */
    interface FieldReader {
        void read(PathNode field);
    }
}
