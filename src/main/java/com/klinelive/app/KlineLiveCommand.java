package com.klinelive.app;

import com.klinelive.sim.SimCommand;
import picocli.CommandLine.Command;

/**
 * The top-level command line. Subcommands are registered here as they are built, so {@code --help} lists only
 * what exists.
 */
@Command(name = "klinelive",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "KLine Live: a live candlestick chart that knows its feed.",
        subcommands = {SimCommand.class, RecordCommand.class})
public final class KlineLiveCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
