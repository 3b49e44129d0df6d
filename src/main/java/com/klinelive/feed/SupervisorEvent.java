package com.klinelive.feed;

import com.klinelive.feed.format.FeedFormat;
import com.klinelive.feed.protocol.ControlMessage;

/**
 * What happened to a connection, posted by network threads to the {@link ConnectionSupervisor}'s control thread.
 * Events of a transport the supervisor no longer uses are dropped there.
 */
sealed interface SupervisorEvent {

    /** The transport connected. */
    record Opened(Inbound inbound) implements SupervisorEvent {}

    /** The feed greeted with its symbols and epoch (ours: {@code hello}). */
    record Greeted(Inbound inbound, ControlMessage.Hello hello) implements SupervisorEvent {}

    /** The first message told the feed's format. */
    record FormatDetected(Inbound inbound, FeedFormat format) implements SupervisorEvent {}

    /** The feed acknowledged the subscription. */
    record Acknowledged(Inbound inbound) implements SupervisorEvent {}

    /** A symbol was seen for the first time (feeds that list none up front). */
    record NewSymbol(String symbol) implements SupervisorEvent {}

    /** The transport ended, or could not connect ({@code opened} false). */
    record Closed(Inbound inbound, String reason, boolean opened) implements SupervisorEvent {}
}
