package com.klinelive.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;

/**
 * Makes an editable symbol box searchable: typing filters its list to the symbols that contain the text (those that
 * start with it first), so one of an exchange's two thousand symbols is a few keys away; the text typed is then
 * read as the symbol it names ({@link #resolve}). FX thread only.
 */
final class SymbolSearch {

    private final ComboBox<String> box;
    private List<String> all = List.of();
    /** Set while the list is replaced, whose change must not count as typing. */
    private boolean updating;

    SymbolSearch(ComboBox<String> box) {
        this.box = box;
        TextField editor = box.getEditor();
        editor.textProperty().addListener((o, was, is) -> {
            if (!updating && editor.isFocused()) {
                filter(is);
            }
        });
        editor.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                show(all);
            }
        });
    }

    /** The symbols the feed offers, all shown until the user types. */
    void symbols(List<String> symbols) {
        all = List.copyOf(symbols);
        show(all);
    }

    /** The symbols of {@code all} that contain {@code typed} in any case: those that start with it first. */
    static List<String> matches(List<String> all, String typed) {
        String wanted = typed == null ? "" : typed.trim().toUpperCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return all;
        }
        List<String> starting = new ArrayList<>();
        List<String> containing = new ArrayList<>();
        for (String symbol : all) {
            String upper = symbol.toUpperCase(Locale.ROOT);
            if (upper.startsWith(wanted)) {
                starting.add(symbol);
            } else if (upper.contains(wanted)) {
                containing.add(symbol);
            }
        }
        starting.addAll(containing);
        return starting;
    }

    /**
     * The symbol {@code typed} names: the one equal to it in any case, else the first that matches it, else the
     * text as typed (a feed whose list has not come yet may still know it).
     */
    String resolve(String typed) {
        String text = typed.trim();
        for (String symbol : all) {
            if (symbol.equalsIgnoreCase(text)) {
                return symbol;
            }
        }
        List<String> found = matches(all, text);
        return found.isEmpty() ? text : found.get(0);
    }

    private void filter(String typed) {
        List<String> found = matches(all, typed);
        show(found);
        if (found.isEmpty()) {
            box.hide();
        } else if (!box.isShowing()) {
            box.show();
        }
    }

    /** Replaces the list, keeping what the user is typing and where. */
    private void show(List<String> symbols) {
        if (box.getItems().equals(symbols)) {
            return;
        }
        TextField editor = box.getEditor();
        String text = editor.getText();
        int caret = editor.getCaretPosition();
        updating = true;
        try {
            box.getItems().setAll(symbols);
            if (!text.equals(editor.getText())) {
                editor.setText(text);
                editor.positionCaret(Math.min(caret, text.length()));
            }
        } finally {
            updating = false;
        }
    }
}
