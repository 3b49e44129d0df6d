package com.klinelive.workspace;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads and writes the workspace file: human-readable JSON, written atomically (a temporary file in the same
 * folder, forced to disk, then renamed over the old one), so a crash leaves either the old file or the new one,
 * never half of one. A file that cannot be read is moved aside, with a message, and the defaults are used.
 */
public final class WorkspaceStore {

    /** The file's name in the config folder. */
    public static final String FILE_NAME = "workspace.json";

    /** A workspace file larger than this is not a workspace (ours are a few KiB). */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Gson gson = new GsonBuilder()
            .setStrictness(Strictness.STRICT)
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .create();

    /** A store of the workspace in {@code file}. */
    public WorkspaceStore(Path file) {
        this.file = file;
    }

    /** The store in the platform's config folder ({@link ConfigDirectory}). */
    public static WorkspaceStore forUser() {
        return new WorkspaceStore(ConfigDirectory.forThisPlatform().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /**
     * What a load found.
     *
     * @param workspace the workspace to use
     * @param existed   whether a file was there (false on a first start)
     * @param problem   what went wrong, in words for the user, or empty
     */
    public record Loaded(Workspace workspace, boolean existed, String problem) {}

    /** Loads the workspace; never throws. A damaged file is moved aside and the defaults are returned. */
    public Loaded load() {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return setAside("it is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Loaded(Workspace.defaults(), false, "");
        } catch (IOException | RuntimeException e) {
            return setAside("it could not be read (" + e.getMessage() + ")");
        }
        try {
            return new Loaded(parse(text), true, "");
        } catch (IllegalArgumentException e) {
            return setAside(e.getMessage());
        }
    }

    /** Writes {@code workspace} atomically. */
    public void save(Workspace workspace) throws IOException {
        write(workspace.normalized(), file);
    }

    /** Writes {@code workspace} to another file (File, Export workspace), atomically too. */
    public void exportTo(Workspace workspace, Path target) throws IOException {
        write(workspace.normalized(), target);
    }

    /**
     * Reads a workspace file chosen by the user (File, Import workspace).
     *
     * @throws IllegalArgumentException when it is not a workspace file, saying why; nothing is moved
     * @throws IOException              when it cannot be read
     */
    public Workspace importFrom(Path source) throws IOException {
        if (Files.size(source) > MAX_BYTES) {
            throw new IllegalArgumentException("not a workspace file: larger than " + MAX_BYTES + " bytes");
        }
        return parse(Files.readString(source, StandardCharsets.UTF_8));
    }

    /**
     * The workspace in {@code json}: strict JSON whose top level is an object; unknown fields are ignored, absent
     * ones take their defaults, a file of a newer version loads what this version understands.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    Workspace parse(String json) {
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new IllegalArgumentException("it is not a JSON object");
            }
            Workspace read = gson.fromJson(reader, Workspace.class);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("it has text after the workspace");
            }
            return read.normalized();
        } catch (JsonParseException | IOException | IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("it is not valid JSON (" + cause.getMessage() + ")", e);
        }
    }

    private void write(Workspace workspace, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, target.getFileName() + ".", ".tmp");
        try {
            byte[] bytes = (gson.toJson(workspace) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Loaded setAside(String why) {
        Path aside = file.resolveSibling(FILE_NAME + ".damaged-" + STAMP.format(Instant.now()));
        String where;
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            where = "it was moved to " + aside;
        } catch (IOException | RuntimeException e) {
            where = "it could not be moved aside (" + e.getMessage() + ")";
        }
        return new Loaded(
                Workspace.defaults(),
                true,
                "The workspace file " + file + " could not be used: " + why + "; " + where
                        + ". The app started with the default workspace.");
    }
}
