package com.klinelive.feed.protocol;

/**
 * Why a message was rejected. One instance per {@link JsonCursor} is reused for every rejection and carries no
 * stack trace, so rejecting hostile input costs no more than accepting valid input. The human-readable reason is
 * only put together when someone asks for it.
 */
public final class InvalidMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private String field;
    private String problem;
    private String found;

    InvalidMessageException() {
        super(null, null, false, false);
    }

    /**
     * Sets what went wrong and returns this instance to be thrown.
     *
     * @param field   the field being read, a constant, or {@code null} when the problem is not about one field
     * @param problem what is wrong, a constant
     * @param found   what was found instead, a constant, or {@code null}
     */
    InvalidMessageException describe(String field, String problem, String found) {
        this.field = field;
        this.problem = problem;
        this.found = found;
        return this;
    }

    /** The reason, such as {@code price: expected a number, found a string}. */
    public String reason() {
        StringBuilder sb = new StringBuilder(64);
        if (field != null) {
            sb.append(field).append(": ");
        }
        sb.append(problem);
        if (found != null) {
            sb.append(", found ").append(found);
        }
        return sb.toString();
    }

    @Override
    public String getMessage() {
        return reason();
    }
}
