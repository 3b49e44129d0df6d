package com.klinelive.workspace;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Defaults for what a hand-edited or older file may leave out. */
final class Texts {

    private Texts() {}

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    static String orDefault(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }

    /** The non-null elements of {@code list}, each normalized; an absent list is empty. */
    static <T> List<T> each(List<T> list, UnaryOperator<T> normalize) {
        return list == null
                ? List.of()
                : list.stream().filter(Objects::nonNull).map(normalize).toList();
    }
}
