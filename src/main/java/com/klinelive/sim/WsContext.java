package com.klinelive.sim;

import java.util.concurrent.ScheduledExecutorService;

/**
 * What every WebSocket connection of one server shares.
 *
 * @param channels     the symbols' channels
 * @param registry     the connected clients
 * @param counters     the server's totals
 * @param scheduler    the server's timer thread
 * @param epoch        this run of the server
 * @param latencyNanos chaos delay added to each message sent, 0 for none
 * @param queueLimit   bytes queued per client before it is cut off
 */
record WsContext(
        SymbolChannels channels,
        ClientRegistry registry,
        SimCounters counters,
        ScheduledExecutorService scheduler,
        String epoch,
        long latencyNanos,
        int queueLimit) {}
