package com.klinelive.feed.protocol;

/** The kind of JSON value that starts at the cursor, named the way a rejection reason mentions it. */
public enum JsonKind {
    OBJECT("an object"),
    ARRAY("an array"),
    STRING("a string"),
    NUMBER("a number"),
    BOOLEAN("a boolean"),
    NULL("null");

    private final String description;
    private final String expectation;

    JsonKind(String description) {
        this.description = description;
        this.expectation = "expected " + description;
    }

    /** Such as {@code "a string"}, for reasons like "expected a number, found a string". */
    String description() {
        return description;
    }

    /** Such as {@code "expected a number"}. */
    String expectation() {
        return expectation;
    }
}
