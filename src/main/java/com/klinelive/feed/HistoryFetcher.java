package com.klinelive.feed;

import com.klinelive.candle.History;
import com.klinelive.feed.protocol.HistoryMessage;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a {@link SymbolSync}: fetches the history of every timeframe the symbol keeps, all at once, and hands
 * it to the sync to load and replay the held-back ticks over. Retries with backoff when the feed does not answer,
 * and fetches again when the answer does not join up. Runs on the feed client's control thread.
 */
final class HistoryFetcher {

    /** What the fetcher needs to know from, and tell, its feed client. */
    interface Client {
        boolean closed();

        /** Whether the feed has history at all (our protocol, with HTTP endpoints). */
        boolean hasHistory();

        /** The server's epoch as last seen, or null. */
        String epoch();

        /** A history answer came from another epoch: the server restarted. */
        void epochChanged(String epoch);

        /** The candles of {@code symbol} were rebuilt. */
        void candlesReplaced(String symbol);
    }

    private static final Logger LOG = LoggerFactory.getLogger(HistoryFetcher.class);

    private final HistoryClient history;
    private final FeedOptions options;
    private final ScheduledExecutorService control;
    private final FeedMetrics metrics;
    private final Client client;
    private final Backoff backoff;

    HistoryFetcher(
            HistoryClient history,
            FeedOptions options,
            ScheduledExecutorService control,
            FeedMetrics metrics,
            Client client) {
        this.history = history;
        this.options = options;
        this.control = control;
        this.metrics = metrics;
        this.client = client;
        this.backoff = new Backoff(
                options.backoffBase().toMillis(), options.backoffCap().toMillis());
    }

    /**
     * Fetches and loads history for the sync {@code generation} began; nothing if a newer one has begun since.
     *
     * @param repair whether a gap or reset started the sync (counted as a repair), rather than the first backfill
     */
    void fetch(String symbol, SymbolSync sync, int generation, boolean repair) {
        if (client.closed() || generation != sync.generation()) {
            return;
        }
        if (!client.hasHistory()) {
            sync.finishWithoutHistory();
            return;
        }
        LOG.debug("fetching history of {} for generation {}", symbol, generation);
        List<CompletableFuture<HistoryMessage>> answers = new ArrayList<>();
        for (Timeframe tf : options.historyTimeframes()) {
            if (sync.book().timeframes().contains(tf)) {
                answers.add(history.history(symbol, tf, options.historyLimit()));
            }
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .whenCompleteAsync(
                        (ignored, error) -> {
                            if (client.closed() || generation != sync.generation()) {
                                return;
                            }
                            if (error != null) {
                                long delay = backoff.nextDelayMillis();
                                LOG.info(
                                        "history for {} failed ({}); retrying in {} ms",
                                        symbol,
                                        FeedClient.rootMessage(error),
                                        delay);
                                control.schedule(
                                        () -> fetch(symbol, sync, generation, repair), delay, TimeUnit.MILLISECONDS);
                                return;
                            }
                            List<History> histories = new ArrayList<>();
                            for (CompletableFuture<HistoryMessage> answer : answers) {
                                HistoryMessage m = answer.join();
                                String known = client.epoch();
                                if (m.epoch() != null
                                        && known != null
                                        && !m.epoch().equals(known)) {
                                    client.epochChanged(m.epoch());
                                    return;
                                }
                                histories.add(new History(m.interval(), m.candles(), m.seq()));
                            }
                            int replayed = sync.finish(generation, histories);
                            LOG.debug("history of {} for generation {}: replayed {}", symbol, generation, replayed);
                            if (replayed >= 0) {
                                backoff.reset();
                                if (repair) {
                                    metrics.gapRepaired();
                                }
                                client.candlesReplaced(symbol);
                            } else if (sync.syncing()) {
                                fetch(symbol, sync, sync.generation(), repair);
                            }
                        },
                        control);
    }
}
