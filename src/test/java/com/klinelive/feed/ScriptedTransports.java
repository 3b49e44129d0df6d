package com.klinelive.feed;

import com.klinelive.feed.transport.Transport;
import com.klinelive.feed.transport.TransportEvents;
import com.klinelive.feed.transport.TransportFactory;
import com.klinelive.feed.transport.TransportKind;
import com.klinelive.feed.transport.TransportRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Transports the test drives step by step: each is made and started by the client, and then opens, delivers
 * messages or ends only when the test says so. What the client sends and whether it closed one is recorded.
 */
final class ScriptedTransports implements TransportFactory {

    private final TransportKind kind;
    private final ManualControlLoop loop;
    final List<Scripted> made = new ArrayList<>();

    ScriptedTransports(TransportKind kind, ManualControlLoop loop) {
        this.kind = kind;
        this.loop = loop;
    }

    @Override
    public TransportKind kind() {
        return kind;
    }

    @Override
    public Transport create(TransportRequest request, TransportEvents events) {
        Scripted t = new Scripted(request, events);
        made.add(t);
        return t;
    }

    /** The newest transport made. */
    Scripted last() {
        return made.get(made.size() - 1);
    }

    final class Scripted implements Transport {
        final TransportRequest request;
        private final TransportEvents events;
        final List<String> sent = new ArrayList<>();
        boolean started;
        boolean closedByClient;
        private boolean ended;
        private volatile TransportKind kindNow = kind;

        Scripted(TransportRequest request, TransportEvents events) {
            this.request = request;
            this.events = events;
        }

        @Override
        public TransportKind kind() {
            return kindNow;
        }

        @Override
        public void start() {
            started = true;
        }

        @Override
        public boolean send(String text) {
            sent.add(text);
            return !ended;
        }

        @Override
        public void close() {
            closedByClient = true;
            ended = true;
        }

        /** Connects, then lets the control loop handle it. */
        Scripted open() {
            events.onOpen(this);
            loop.runDue();
            return this;
        }

        /** Moves the connection to WebSocket, as a socket.io session does once its upgrade completes. */
        Scripted upgrade() {
            kindNow = TransportKind.WEBSOCKET;
            return this;
        }

        /** Delivers a message at the loop's current time. */
        Scripted message(String text) {
            events.onMessage(this, text, loop.nanoTime());
            loop.runDue();
            return this;
        }

        /** Ends the connection from the far side (or fails to open it, before {@link #open}). */
        void end(String reason, boolean opened) {
            ended = true;
            events.onClosed(this, reason, opened);
            loop.runDue();
        }
    }
}
