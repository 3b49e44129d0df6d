package com.klinelive.feed.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonCursorTest {

    private final JsonCursor cursor = new JsonCursor();

    @Test
    void nestingOfExactly32LevelsIsAcceptedAnd33Refused() {
        cursor.reset("[".repeat(32) + "]".repeat(32));
        cursor.skipValue();
        cursor.finish();
        cursor.reset("[".repeat(33) + "]".repeat(33));
        InvalidMessageException e = assertThrows(InvalidMessageException.class, cursor::skipValue);
        assertEquals(JsonCursor.TOO_DEEP, e.reason());
    }

    @Test
    void repeatedSymbolsAreTheSameStringInstance() {
        cursor.reset("[\"BTCUSDT\",\"BTCUSDT\"]");
        cursor.beginArray(null);
        cursor.hasNext();
        String first = cursor.nextSymbol("s");
        cursor.hasNext();
        assertSame(first, cursor.nextSymbol("s"));
    }

    @Test
    void internTableStopsGrowingAtItsBound() {
        SymbolTable table = new SymbolTable();
        for (int i = 0; i < SymbolTable.MAX_ENTRIES * 3; i++) {
            char[] name = ("S" + i).toCharArray();
            assertNull(table.find(name, 0, name.length));
            assertEquals("S" + i, table.add(name, 0, name.length));
        }
        assertEquals(SymbolTable.MAX_ENTRIES, table.size());
        char[] early = "S1".toCharArray();
        assertEquals("S1", table.find(early, 0, 2));
        char[] late = ("S" + (SymbolTable.MAX_ENTRIES * 2)).toCharArray();
        assertNull(table.find(late, 0, late.length));
    }

    @Test
    void markAndRewindReturnToAnEarlierField() {
        cursor.reset("{\"a\":1,\"b\":[2],\"c\":3}");
        cursor.beginObject(null);
        int start = cursor.mark();
        assertTrue(cursor.findField("c"));
        assertEquals(3, cursor.nextLong("c"));
        cursor.rewind(start);
        assertTrue(cursor.hasNext());
        cursor.nextName();
        assertTrue(cursor.nameIs("a"));
        assertEquals(1, cursor.nextLong("a"));
        cursor.skipRestOfObject();
        cursor.finish();
    }

    @Test
    void escapedNamesMatchTheirDecodedText() {
        cursor.reset("{\"\\u0070rice\":1}");
        cursor.beginObject(null);
        cursor.hasNext();
        cursor.nextName();
        assertTrue(cursor.nameIs("price"));
        assertEquals("price", cursor.nameValue());
    }

    @Test
    void allEscapesDecode() {
        cursor.reset("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"");
        assertEquals("\"\\/\b\f\n\r\t\u00e9\ud83d\ude00", cursor.nextString(null));
        cursor.finish();
    }
}
