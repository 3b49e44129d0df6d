package com.klinelive.workspace;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app keeps its settings on this platform: {@code $XDG_CONFIG_HOME/klinelive} (or
 * {@code ~/.config/klinelive}) on Linux, {@code %APPDATA%\KLine Live} on Windows, {@code ~/Library/Application
 * Support/KLine Live} on macOS.
 */
public final class ConfigDirectory {

    private ConfigDirectory() {}

    /** The folder for this platform, this user. */
    public static Path forThisPlatform() {
        return resolve(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", "."));
    }

    /** The folder for the platform {@code osName} with {@code env} and {@code home}. */
    static Path resolve(String osName, Map<String, String> env, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (nonBlank(appData) ? Path.of(appData) : Path.of(home, "AppData", "Roaming")).resolve("KLine Live");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "KLine Live");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec: a relative path in the variable is invalid and must be ignored.
        return (nonBlank(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".config"))
                .resolve("klinelive");
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }
}
