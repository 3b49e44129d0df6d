package com.klinelive.feed.format.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldMappingTest {

    private static String problem(String... fields) {
        return assertThrows(IllegalArgumentException.class, () -> FieldMapping.parse(List.of(fields), null))
                .getMessage();
    }

    @Test
    void parsesKeyEqualsPathIntoSegments() {
        FieldMapping m = FieldMapping.parse(
                List.of("symbol=sym", "seq=data.id", "time = data.ts", "price=data.0.px", "size=data.qty"), "hi");
        assertEquals(
                List.of("data", "0", "px"),
                m.path(TradeField.PRICE).orElseThrow().segments());
        assertEquals("data.ts", m.path(TradeField.TIME).orElseThrow().text());
        assertEquals(Optional.of("hi"), m.subscribe());
        assertTrue(m.sequenced());
        assertFalse(FieldMapping.parse(List.of("symbol=s", "time=t", "price=p", "size=q"), "")
                .sequenced());
    }

    @Test
    void badMappingsAreRefusedWithTheReason() {
        assertEquals("the field mapping needs --field price=PATH, --field size=PATH", problem("symbol=s", "time=t"));
        assertEquals("unknown field 'qty' in --field: one of symbol, seq, time, price, size", problem("qty=q"));
        assertEquals("--field takes KEY=PATH, such as price=data.p; got 'price'", problem("price"));
        assertEquals("--field price is given twice", problem("price=a", "price=b"));
        assertEquals(
                "field path 'data..p' has an empty segment (write keys separated by single dots)",
                problem("symbol=s", "time=t", "price=data..p", "size=q"));
        assertEquals("a field path must not be empty", problem("symbol=", "time=t", "price=p", "size=q"));
        String overlap = problem("symbol=d", "time=t", "price=d.p", "size=q");
        assertEquals("price at 'd.p' lies inside symbol at 'd'", overlap);
        assertEquals(
                "price and size cannot have the same path 'p'", problem("symbol=s", "time=t", "price=p", "size=p"));
        assertTrue(problem("symbol=s", "time=" + "a.".repeat(16) + "b", "price=p", "size=q")
                .contains("more than 16 segments"));
    }
}
