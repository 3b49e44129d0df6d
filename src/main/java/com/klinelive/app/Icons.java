package com.klinelive.app;

import java.io.InputStream;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The app icon in the sizes a window manager picks from. */
final class Icons {

    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private Icons() {}

    static void apply(Stage stage) {
        for (int size : SIZES) {
            InputStream in = Icons.class.getResourceAsStream("icons/icon-" + size + ".png");
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        }
    }
}
