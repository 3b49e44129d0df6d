package com.klinelive.app;

import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The simulator the viewer runs in-process when no feed URL is given. It can be started ahead, while JavaFX is
 * still starting up, so that the first live frame comes sooner: the first session takes that one, later ones
 * start their own.
 */
final class EmbeddedSimulator {

    private static CompletableFuture<SimServer> ahead;

    private EmbeddedSimulator() {
    }

    /** Starts a simulator in the background for the first session to take. */
    static synchronized void startAhead() {
        if (ahead == null) {
            ahead = CompletableFuture.supplyAsync(EmbeddedSimulator::startNow);
        }
    }

    /**
     * A running simulator on a free loopback port: the one started ahead if there is one, else a new one. Blocks
     * until it runs.
     *
     * @throws UncheckedIOException when it cannot start
     */
    static SimServer take() {
        CompletableFuture<SimServer> started;
        synchronized (EmbeddedSimulator.class) {
            started = ahead;
            ahead = null;
        }
        if (started == null) {
            return startNow();
        }
        try {
            return started.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException u ? u : new UncheckedIOException(
                    new IOException(e.getCause()));
        }
    }

    private static SimServer startNow() {
        try {
            return SimServer.start(SimOptions.defaults().withPort(0));
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded simulator did not start: " + e.getMessage(), e);
        }
    }
}
