package com.klinelive.app;

import com.klinelive.model.Candle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/** Pictures and data out of the viewer: PNG files, CSV files, the clipboard. */
final class Exports {

    private Exports() {}

    /** A picture of {@code node} as it is drawn now, at the window's output scale. FX thread only. */
    static WritableImage snapshot(Node node) {
        javafx.scene.SnapshotParameters parameters = new javafx.scene.SnapshotParameters();
        Window window = node.getScene() == null ? null : node.getScene().getWindow();
        double scale = window == null ? 1 : window.getOutputScaleX();
        parameters.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
        return node.snapshot(parameters, null);
    }

    /** Writes {@code image} as PNG (any thread: the image is already taken). */
    static void writePng(WritableImage image, Path file) throws IOException {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        if (!ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /**
     * Writes candles in the {@code record} CSV format, their times on the wall clock of {@code zone} (the chart's)
     * with the offset.
     */
    static void writeCsv(List<Candle> candles, Path file, ZoneId zone) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CandleCsv.write(candles, w, zone);
        }
    }

    /** Puts {@code image} on the system clipboard. FX thread only. */
    static void copy(WritableImage image) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(image);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }
}
