package com.klinelive.sim;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Chaos: hands each request to the wrapped handler only after a fixed delay, as a slow network would. */
final class LatencyHandler extends Handler.Wrapper {

    private final ScheduledExecutorService scheduler;
    private final long delayNanos;

    LatencyHandler(Handler handler, ScheduledExecutorService scheduler, long delayNanos) {
        super(handler);
        this.scheduler = scheduler;
        this.delayNanos = delayNanos;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            scheduler.schedule(() -> delegate(request, response, callback), delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            callback.failed(stopping);
        }
        return true;
    }

    private void delegate(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable failure) {
            callback.failed(failure);
        }
    }
}
