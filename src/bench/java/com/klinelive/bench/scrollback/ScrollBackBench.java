package com.klinelive.bench.scrollback;

import java.util.Arrays;
import javafx.application.Application;

/** Starts {@link ScrollBackApp}: {@code --quick} for a smoke test of four rounds each way. */
public final class ScrollBackBench {

    private ScrollBackBench() {}

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--quick")) {
            ScrollBackApp.rounds = 4;
        }
        Application.launch(ScrollBackApp.class, args);
    }
}
