package com.klinelive.feed.protocol;

/**
 * A small bounded intern table from char regions to Strings, so a feed that repeats the same few symbols costs
 * no String per message. Once {@link #MAX_ENTRIES} distinct symbols are held, further ones are allocated each
 * time rather than remembered, which keeps a hostile feed from growing memory. Not thread-safe.
 */
final class SymbolTable {

    static final int MAX_ENTRIES = 256;

    /** Open addressing at most half full keeps probe sequences short. */
    private final String[] slots = new String[MAX_ENTRIES * 2];
    private int size;

    /** The String with the characters {@code text[start, end)}, shared with earlier calls when possible. */
    String intern(char[] text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text[i];
        }
        int mask = slots.length - 1;
        int slot = (hash ^ (hash >>> 16)) & mask;
        String entry;
        while ((entry = slots[slot]) != null) {
            if (entry.hashCode() == hash && sameChars(entry, text, start, end)) {
                return entry;
            }
            slot = (slot + 1) & mask;
        }
        String created = new String(text, start, end - start);
        if (size < MAX_ENTRIES) {
            slots[slot] = created;
            size++;
        }
        return created;
    }

    /** How many distinct symbols are remembered. */
    int size() {
        return size;
    }

    private static boolean sameChars(String entry, char[] text, int start, int end) {
        if (entry.length() != end - start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (entry.charAt(i - start) != text[i]) {
                return false;
            }
        }
        return true;
    }
}
