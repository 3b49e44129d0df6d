package com.klinelive.sim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The running totals of one server, updated from any thread; {@link SimStats} is their snapshot. */
final class SimCounters {

    final LongAdder ticksPublished = new LongAdder();
    final LongAdder webSocketsOpened = new LongAdder();
    final LongAdder upgradesRefused = new LongAdder();
    final LongAdder slowClientsCut = new LongAdder();
    final LongAdder messagesRejected = new LongAdder();
    final LongAdder pollsAnswered = new LongAdder();
    final LongAdder pollsRefused = new LongAdder();
    final LongAdder badRequests = new LongAdder();
    final AtomicInteger pollsHeld = new AtomicInteger();
}
