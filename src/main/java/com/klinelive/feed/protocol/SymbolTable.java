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
    private String lastFound;
    /** The chars of {@link #lastFound}, compared without going through String. */
    private char[] lastChars;
    /** The chars of each entry of {@link #slots}, at the same index. */
    private final char[][] slotChars = new char[MAX_ENTRIES * 2][];

    /** The String held for the characters {@code text[start, end)}, or {@code null} if there is none. */
    String find(char[] text, int start, int end) {
        // Most feeds repeat one symbol message after message: try it before hashing.
        String last = lastFound;
        if (last != null
                && lastChars.length == end - start
                && CharRegions.equal(lastChars, 0, text, start, end - start)) {
            return last;
        }
        int hash = hash(text, start, end);
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; slots[slot] != null; slot = (slot + 1) & mask) {
            String entry = slots[slot];
            if (entry.hashCode() == hash && sameChars(entry, text, start, end)) {
                lastFound = entry;
                lastChars = slotChars[slot];
                return entry;
            }
        }
        return null;
    }

    /**
     * The symbol last found if {@code text} from {@code start} holds its chars and then a closing quote, or
     * {@code null}. Entries come from unescaped strings only, so they hold no quote, backslash or control
     * character: a match is exactly the string that scanning the text from {@code start} would find.
     */
    String matchLast(char[] text, int start, int limit) {
        String last = lastFound;
        if (last == null) {
            return null;
        }
        char[] chars = lastChars;
        int quote = start + chars.length;
        if (quote >= limit || text[quote] != '"' || !CharRegions.equal(chars, 0, text, start, chars.length)) {
            return null;
        }
        return last;
    }

    /**
     * A new String of the characters {@code text[start, end)}, remembered while the table has room. Call only
     * when {@link #find} returned {@code null} for them.
     */
    String add(char[] text, int start, int end) {
        String created = new String(text, start, end - start);
        if (size < MAX_ENTRIES) {
            int mask = slots.length - 1;
            int slot = spread(created.hashCode()) & mask;
            while (slots[slot] != null) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = created;
            slotChars[slot] = created.toCharArray();
            size++;
        }
        return created;
    }

    /** How many distinct symbols are remembered. */
    int size() {
        return size;
    }

    /** The same value as {@link String#hashCode()} of those characters. */
    private static int hash(char[] text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text[i];
        }
        return hash;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
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
