package com.klinelive.app;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Tells the app's open feed sessions whether anybody sees the window: minimised, nobody sees their charts, and their
 * feeds are read in bunches (see {@link com.klinelive.feed.FeedClient#background}); restored, as each message comes.
 * Sessions are added from the threads that open them, the window's state from the FX thread.
 */
final class BackgroundSessions {

    /** Weak: a closed session may go. */
    private final Set<FeedSession> opened = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

    private volatile boolean minimised;

    /** @param minimised whether the window starts minimised */
    BackgroundSessions(boolean minimised) {
        this.minimised = minimised;
    }

    /** A session just opened: read in the background at once if the window is minimised. Any thread. */
    void opened(FeedSession session) {
        // Added before the flag is read, and the flag set before the set is walked: no session misses a change.
        opened.add(session);
        session.client().background(minimised);
    }

    /** The window was minimised ({@code true}) or restored. */
    void minimised(boolean now) {
        minimised = now;
        synchronized (opened) {
            for (FeedSession session : opened) {
                session.client().background(now);
            }
        }
    }
}
