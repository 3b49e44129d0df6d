package com.klinelive.app;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The open feed sessions of the whole app, shared and counted by feed: charts on the same feed share one
 * connection and one candle book per symbol. A chart acquires a lease for its feed; the session opens with the
 * first lease (off the FX thread) and closes when the last one is released.
 *
 * @param <K> what tells feeds apart (equal keys share a session)
 */
final class FeedSessions<K> implements AutoCloseable {

    /** A chart's hold on a session. Released once; releasing twice does nothing. */
    final class Lease implements AutoCloseable {
        private final K key;
        private final Entry entry;
        private boolean released;

        private Lease(K key, Entry entry) {
            this.key = key;
            this.entry = entry;
        }

        K key() {
            return key;
        }

        /** The session, once it is open; completes exceptionally when it could not be opened. */
        CompletableFuture<FeedSession> session() {
            return entry.session;
        }

        @Override
        public void close() {
            synchronized (FeedSessions.this) {
                if (released) {
                    return;
                }
                released = true;
                if (--entry.leases > 0 || open.get(key) != entry) {
                    return;
                }
                open.remove(key);
            }
            entry.session.thenAcceptAsync(FeedSession::close, background);
        }
    }

    private static final class Entry {
        final CompletableFuture<FeedSession> session;
        int leases;

        Entry(CompletableFuture<FeedSession> session) {
            this.session = session;
        }
    }

    private final Function<K, FeedSession> opener;
    private final Executor background;
    private final Map<K, Entry> open = new HashMap<>();
    private boolean closed;

    /**
     * @param opener     opens the session of a feed; may block (it runs on {@code background})
     * @param background where sessions are opened and closed, never the FX thread
     */
    FeedSessions(Function<K, FeedSession> opener, Executor background) {
        this.opener = opener;
        this.background = background;
    }

    /** A lease on the session of {@code key}, opening it if no chart holds one. */
    synchronized Lease acquire(K key) {
        if (closed) {
            throw new IllegalStateException("the app is closing");
        }
        Entry entry = open.get(key);
        if (entry == null || entry.session.isCompletedExceptionally()) {
            entry = new Entry(CompletableFuture.supplyAsync(() -> opener.apply(key), background));
            open.put(key, entry);
        }
        entry.leases++;
        return new Lease(key, entry);
    }

    /** How many sessions are open or opening. */
    synchronized int size() {
        return open.size();
    }

    /** Closes every session, leases or not (the app quits). Blocks until they are closed. */
    @Override
    public void close() {
        Map<K, Entry> all;
        synchronized (this) {
            closed = true;
            all = new HashMap<>(open);
            open.clear();
        }
        for (Entry entry : all.values()) {
            try {
                entry.session.join().close();
            } catch (RuntimeException e) {
                // It never opened: nothing to close.
            }
        }
    }
}
