package com.klinelive.feed.rest;

/** Hears the rate limits a {@link RestClient} meets; called on HTTP threads, outside locks. */
@FunctionalInterface
public interface RateLimitListener {

    void onRateLimited(RateLimitNotice notice);
}
