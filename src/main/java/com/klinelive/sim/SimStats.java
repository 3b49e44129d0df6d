package com.klinelive.sim;

/**
 * A snapshot of what a {@link SimServer} is doing.
 *
 * @param webSockets       WebSocket clients connected now
 * @param pollsHeld        long polls held open now
 * @param ticksPublished   ticks generated live since start, all symbols (the pre-filled history not counted)
 * @param webSocketsOpened WebSocket connections accepted since start
 * @param upgradesRefused  WebSocket handshakes refused (Origin, limit, or WebSocket disabled)
 * @param slowClientsCut   WebSocket clients disconnected because their send queue was full
 * @param messagesRejected inbound WebSocket messages answered with an error
 * @param pollsAnswered    long polls answered
 * @param pollsRefused     long polls refused because too many were held
 * @param badRequests      HTTP requests answered with 400
 */
public record SimStats(
        int webSockets,
        int pollsHeld,
        long ticksPublished,
        long webSocketsOpened,
        long upgradesRefused,
        long slowClientsCut,
        long messagesRejected,
        long pollsAnswered,
        long pollsRefused,
        long badRequests) {}
