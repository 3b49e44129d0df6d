package com.klinelive.bench.common;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Raw results of each section as JSON files under {@code target/bench/}, read back by the report writer. */
public final class Results {

    /** Where raw results go; the report is regenerated from these files alone. */
    public static final Path DIR = Path.of(System.getProperty("bench.dir", "target/bench"));

    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .serializeSpecialFloatingPointValues()
            .create();

    private Results() {}

    public static Path file(String section) {
        return DIR.resolve(section + ".json");
    }

    public static void write(String section, JsonObject result) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(file(section), GSON.toJson(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The results of {@code section}, or null when it has not run. */
    public static JsonObject read(String section) {
        Path file = file(section);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return GSON.fromJson(Files.readString(file), JsonObject.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Gson gson() {
        return GSON;
    }
}
