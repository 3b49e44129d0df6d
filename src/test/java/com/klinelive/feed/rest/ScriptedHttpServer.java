package com.klinelive.feed.rest;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A real HTTP server (Jetty) on a free loopback port that answers each request with the next scripted answer and
 * records when each request arrived: what a REST client's limits are tested against.
 */
public final class ScriptedHttpServer implements AutoCloseable {

    /** One scripted answer. */
    public record Answer(int status, String contentType, Map<String, String> headers, String body) {
        public static Answer json(String body) {
            return new Answer(200, "application/json", Map.of(), body);
        }
    }

    /** A request as it arrived. */
    public record Arrival(String pathAndQuery, long nanos) {}

    private final Server server = new Server();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private Answer fallback = Answer.json("{}");
    private final ServerConnector connector;

    public ScriptedHttpServer() throws Exception {
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                arrivals.add(new Arrival(request.getHttpURI().getPathQuery(), System.nanoTime()));
                Answer answer = next();
                response.setStatus(answer.status());
                response.getHeaders().put("Content-Type", answer.contentType());
                answer.headers().forEach(response.getHeaders()::put);
                response.write(true, ByteBuffer.wrap(answer.body().getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.start();
    }

    private synchronized Answer next() {
        return script.isEmpty() ? fallback : script.poll();
    }

    /** Queues answers, given in order. */
    public synchronized ScriptedHttpServer then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** The answer once the script is used up. */
    public synchronized void otherwise(Answer answer) {
        fallback = answer;
    }

    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** {@code http://127.0.0.1:PORT/path} (or {@code localhost}, another host for the client's limits). */
    public URI uri(String host, String path) {
        return URI.create("http://" + host + ":" + connector.getLocalPort() + path);
    }

    public URI uri(String path) {
        return uri("127.0.0.1", path);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
