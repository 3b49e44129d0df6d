package com.klinelive.sim;

import com.klinelive.feed.protocol.NativeEncoder;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /poll?symbol=S&since=SEQ[&epoch=E]}: answers at once with the ticks after {@code since} when there
 * are any (one capped batch), otherwise holds the request, without a thread, until the next publish or the hold
 * time, then answers with what arrived or an empty batch. A {@code since} the replay buffer cannot serve, or an
 * {@code epoch} of another run, gets a {@code reset}.
 */
final class LongPollHandler {

    private final SymbolChannels channels;
    private final String epoch;
    private final SimCounters counters;
    private final ScheduledExecutorService scheduler;
    private final int maxPolls;
    private final long holdNanos;

    LongPollHandler(
            SymbolChannels channels,
            String epoch,
            SimCounters counters,
            ScheduledExecutorService scheduler,
            SimLimits limits) {
        this.channels = channels;
        this.epoch = epoch;
        this.counters = counters;
        this.scheduler = scheduler;
        this.maxPolls = limits.maxPolls();
        this.holdNanos = limits.pollHold().toNanos();
    }

    void handle(Request request, Response response, Callback callback) {
        QueryParams query = QueryParams.of(request);
        SymbolChannel channel = Routes.channel(channels, query);
        long since = query.number("since", 0, Long.MAX_VALUE, -1);
        String clientEpoch = query.optional("epoch");
        if (clientEpoch != null && !clientEpoch.equals(epoch)) {
            JsonResponses.send(
                    response,
                    callback,
                    HttpStatus.OK_200,
                    NativeEncoder.reset(
                            channel.symbol(),
                            channel.lastSeq(),
                            "epoch " + QueryParams.shorten(clientEpoch) + " is over: this is " + epoch));
            return;
        }
        if (counters.pollsHeld.incrementAndGet() > maxPolls) {
            counters.pollsHeld.decrementAndGet();
            counters.pollsRefused.increment();
            JsonResponses.error(
                    response,
                    callback,
                    HttpStatus.SERVICE_UNAVAILABLE_503,
                    "too many long polls at once (limit " + maxPolls + ")");
            return;
        }
        PollWaiter waiter = new PollWaiter(
                text -> {
                    counters.pollsHeld.decrementAndGet();
                    counters.pollsAnswered.increment();
                    JsonResponses.send(response, callback, HttpStatus.OK_200, text);
                },
                () -> {
                    counters.pollsHeld.decrementAndGet();
                    callback.failed(new IOException("the client left a held poll"));
                });
        String answer = channel.pollOrWait(since, waiter);
        if (answer != null) {
            waiter.answer(answer);
            return;
        }
        request.addFailureListener(failure -> {
            if (channel.cancel(waiter)) {
                waiter.abandon();
            }
        });
        try {
            waiter.timeout(scheduler.schedule(
                    () -> {
                        if (channel.cancel(waiter)) {
                            waiter.answer(channel.emptyAnswer());
                        }
                    },
                    holdNanos,
                    TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException stopping) {
            if (channel.cancel(waiter)) {
                waiter.answer(channel.emptyAnswer());
            }
        }
    }
}
