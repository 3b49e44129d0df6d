package com.klinelive.sim;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A java.net.http client for the simulator's HTTP endpoints, with bounded timeouts and strict JSON. */
final class SimHttp {

    /** A response whose body is a JSON object. */
    record Answer(int status, JsonObject json, HttpResponse<String> response) {}

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    SimHttp(URI base) {
        this.base = base;
    }

    /** GETs {@code pathAndQuery} (such as {@code /history?symbol=X}) and parses the body as strict JSON. */
    Answer get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(40))
                .GET()
                .build());
        return new Answer(response.statusCode(), parse(response.body()), response);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Parses one strict JSON object. */
    static JsonObject parse(String text) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement element = JsonParser.parseReader(reader);
        if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
            throw new IOException("trailing data after the JSON value");
        }
        return element.getAsJsonObject();
    }
}
