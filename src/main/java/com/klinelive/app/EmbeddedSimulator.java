package com.klinelive.app;

import com.klinelive.sim.SimOptions;
import com.klinelive.sim.SimServer;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The simulator the viewer runs in-process when no feed URL is given. */
final class EmbeddedSimulator {

    private EmbeddedSimulator() {}

    /**
     * A running simulator on a free loopback port. Blocks until it runs.
     *
     * @throws UncheckedIOException when it cannot start
     */
    static SimServer start() {
        try {
            return SimServer.start(SimOptions.defaults().withPort(0));
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded simulator did not start: " + e.getMessage(), e);
        }
    }
}
