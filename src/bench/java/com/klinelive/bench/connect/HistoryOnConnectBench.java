package com.klinelive.bench.connect;

import java.util.Arrays;
import javafx.application.Application;

/** Starts {@link HistoryOnConnectApp}: {@code --quick} for a smoke test of four rounds each way. */
public final class HistoryOnConnectBench {

    private HistoryOnConnectBench() {}

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--quick")) {
            HistoryOnConnectApp.rounds = 4;
        }
        Application.launch(HistoryOnConnectApp.class, args);
    }
}
