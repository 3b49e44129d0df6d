package com.klinelive.sim;

/**
 * Where a simulator's live ticks come from when they do not come from its price model: a recording played back
 * ({@code klinelive replay}). Started once the server listens; stopped when it closes.
 */
public interface TickSource {

    /** Starts publishing through {@code publisher}, from a thread of the source's own. */
    void start(SimPublisher publisher);

    /** Stops publishing; no tick is published after it returns. */
    void stop();
}
