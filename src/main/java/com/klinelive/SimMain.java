package com.klinelive;

import com.klinelive.sim.SimCommand;
import picocli.CommandLine;

/**
 * Entry point of the {@code klinelive-sim} launcher: the simulator command at the top level, so
 * {@code klinelive-sim --port 0} works. A jpackage launcher's default arguments are replaced, not prepended, by
 * the ones the user types, so a launcher that only adds {@code sim} to {@link Main} would lose it.
 */
public final class SimMain {

    private SimMain() {}

    public static void main(String[] args) {
        int code = new CommandLine(new SimCommand())
                .setCommandName("klinelive-sim")
                .execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
