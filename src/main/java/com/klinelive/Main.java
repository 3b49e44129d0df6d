package com.klinelive;

import com.klinelive.app.KlineLiveCommand;
import picocli.CommandLine;

/**
 * Entry point of {@code klinelive.jar}. Deliberately not a JavaFX {@code Application}: a fat jar whose main class
 * extends Application fails to start on the class path, and the simulator and recorder need no JavaFX at all.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int code = new CommandLine(new KlineLiveCommand()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
