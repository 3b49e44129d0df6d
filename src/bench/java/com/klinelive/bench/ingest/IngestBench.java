package com.klinelive.bench.ingest;

import javafx.application.Application;

/** Starts {@link IngestApp} from the class path. */
public final class IngestBench {

    private IngestBench() {}

    public static void main(String[] args) {
        Application.launch(IngestApp.class, args);
    }
}
