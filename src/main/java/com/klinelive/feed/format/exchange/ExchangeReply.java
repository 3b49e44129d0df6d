package com.klinelive.feed.format.exchange;

import java.util.Objects;

/**
 * What an exchange's WebSocket control message said: a subscription confirmed or refused, an answer to our
 * application ping, or notice that the server is about to close the connection. Stream data and anything else is
 * {@link Kind#NONE}.
 *
 * @param kind   what it was
 * @param detail the exchange's own words for a refusal or a closing, as sent (escape before logging); else empty
 */
public record ExchangeReply(Kind kind, String detail) {

    /** The kinds of control message the exchange formats react to. */
    public enum Kind {
        /** The exchange confirmed a subscription: its acknowledgement deadline is met. */
        SUBSCRIBED,
        /** The exchange refused a subscription or a request. */
        REFUSED,
        /** The answer to an application-level ping. */
        PONG,
        /** The server announced that it will close the connection (Binance {@code serverShutdown}). */
        CLOSING,
        /** Not a control message we react to. */
        NONE
    }

    public static final ExchangeReply NOTHING = new ExchangeReply(Kind.NONE, "");
    public static final ExchangeReply SUBSCRIBED = new ExchangeReply(Kind.SUBSCRIBED, "");
    public static final ExchangeReply PONG = new ExchangeReply(Kind.PONG, "");

    public ExchangeReply {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public static ExchangeReply refused(String detail) {
        return new ExchangeReply(Kind.REFUSED, detail);
    }

    public static ExchangeReply closing(String detail) {
        return new ExchangeReply(Kind.CLOSING, detail);
    }
}
