package com.klinelive.bench.e2e;

import javafx.application.Application;

/** Starts {@link NaiveViewerApp} from the class path. */
public final class NaiveViewer {

    private NaiveViewer() {}

    public static void main(String[] args) {
        Application.launch(NaiveViewerApp.class, args);
    }
}
