package com.klinelive.feed.rest;

/** A REST answer we cannot use, with a message fit for the status bar (no URL query, so no credentials). */
public class RestException extends RuntimeException {

    public RestException(String message) {
        super(message, null, false, false);
    }
}
