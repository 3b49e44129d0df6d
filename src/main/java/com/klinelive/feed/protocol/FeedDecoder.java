package com.klinelive.feed.protocol;

/**
 * Turns the text messages of one feed format into ticks, klines and control messages. Create one per connection
 * with its format's {@code newDecoder}: a decoder reuses its buffers between messages and is not thread-safe.
 */
public interface FeedDecoder {

    /**
     * Decodes one whole message. Never throws for any input, {@code null} included; delivers nothing unless the
     * whole message is valid, and counts every rejection. Exceptions thrown by the sink itself propagate.
     */
    DecodeOutcome decode(String message, FeedSink sink);
}
