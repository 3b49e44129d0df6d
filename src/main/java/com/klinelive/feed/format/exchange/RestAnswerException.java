package com.klinelive.feed.format.exchange;

/**
 * An exchange's REST answer that cannot be used: not JSON (an HTML error page from a proxy or a CDN, say), JSON of
 * another shape, an error the exchange reported in the body, or values that break the validation rules. The
 * message says which, briefly and without quoting the answer at length, so a status bar can show it.
 */
public final class RestAnswerException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public RestAnswerException(String message) {
        super(message);
    }

    public RestAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
