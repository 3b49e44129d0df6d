package com.klinelive.app;

import com.klinelive.candle.CandleBook;
import com.klinelive.workspace.WatchEntry;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The watchlist: its rows in order, each with the quote the panel shows. {@link #refresh} recomputes only the
 * rows whose candles changed since the last call, and sets a row's quote only when it differs, so a quiet market
 * costs no layout and no frame. FX thread.
 */
final class WatchlistViewModel {

    /** One row: a symbol of a feed and its latest quote. */
    static final class Row {
        private final WatchEntry entry;
        private final ReadOnlyObjectWrapper<WatchQuote> quote = new ReadOnlyObjectWrapper<>(WatchQuote.NONE);
        private CandleBook book;
        private long version = -1;

        Row(WatchEntry entry) {
            this.entry = entry;
        }

        WatchEntry entry() {
            return entry;
        }

        ReadOnlyObjectProperty<WatchQuote> quoteProperty() {
            return quote.getReadOnlyProperty();
        }

        WatchQuote quote() {
            return quote.get();
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private Consumer<WatchEntry> onShow = e -> {};

    ObservableList<Row> rows() {
        return rows;
    }

    /** The entries, in order, for the workspace file. */
    List<WatchEntry> entries() {
        return rows.stream().map(Row::entry).toList();
    }

    /** Adds {@code entry} at the end unless it is there already; returns whether it was added. */
    boolean add(WatchEntry entry) {
        if (entry.symbol().isBlank() || rows.stream().anyMatch(r -> r.entry.equals(entry))) {
            return false;
        }
        rows.add(new Row(entry));
        return true;
    }

    void remove(Row row) {
        rows.remove(row);
    }

    /** Moves the row at {@code from} to {@code to} (drag and drop). */
    void move(int from, int to) {
        if (from < 0 || from >= rows.size() || to < 0 || to >= rows.size() || from == to) {
            return;
        }
        Row row = rows.remove(from);
        rows.add(to, row);
    }

    /** What happens when a row is chosen (click or Enter): the active chart shows it. */
    void onShow(Consumer<WatchEntry> action) {
        onShow = action;
    }

    void show(Row row) {
        if (row != null) {
            onShow.accept(row.entry);
        }
    }

    /**
     * Brings the rows' quotes up to date.
     *
     * @param books     the candles of an entry, or null while its feed has none
     * @param nowMillis the wall clock, for the UTC day
     */
    void refresh(Function<WatchEntry, CandleBook> books, long nowMillis) {
        for (Row row : rows) {
            CandleBook book = books.apply(row.entry);
            if (book != row.book) {
                row.book = book;
                row.version = -1;
            }
            long version = book == null ? -1 : book.version();
            if (book != null && version == row.version) {
                continue;
            }
            row.version = version;
            WatchQuote quote = WatchQuote.of(book, nowMillis);
            if (!quote.equals(row.quote.get())) {
                row.quote.set(quote);
            }
        }
    }
}
