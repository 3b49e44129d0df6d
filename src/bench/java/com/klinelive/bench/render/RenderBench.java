package com.klinelive.bench.render;

import javafx.application.Application;

/** Starts {@link RenderApp}; a main class that is not an Application, so JavaFX may come from the class path. */
public final class RenderBench {

    private RenderBench() {}

    public static void main(String[] args) {
        Application.launch(RenderApp.class, args);
    }
}
