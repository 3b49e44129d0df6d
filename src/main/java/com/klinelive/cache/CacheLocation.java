package com.klinelive.cache;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the candle cache lives on this platform: {@code $XDG_CACHE_HOME/klinelive} (or {@code ~/.cache/klinelive})
 * on Linux, {@code %LOCALAPPDATA%\KLine Live\Cache} on Windows, {@code ~/Library/Caches/KLine Live} on macOS.
 * These are the folders each platform lets the user (or a cleaner) empty without losing settings.
 */
public final class CacheLocation {

    /** The database's file name inside the folder. */
    public static final String FILE_NAME = "candles.db";

    private CacheLocation() {}

    /** The cache database file for this platform and user. */
    public static Path defaultFile() {
        return directory(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", "."))
                .resolve(FILE_NAME);
    }

    /** The cache folder for the platform {@code osName} with environment {@code env} and home folder {@code home}. */
    static Path directory(String osName, Map<String, String> env, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = usable(local) ? Path.of(local) : Path.of(home, "AppData", "Local");
            return base.resolve("KLine Live").resolve("Cache");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Caches", "KLine Live");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        // The XDG spec: a relative path in the variable is invalid and must be ignored.
        return (usable(xdg) ? Path.of(xdg) : Path.of(home, ".cache")).resolve("klinelive");
    }

    private static boolean usable(String dir) {
        return dir != null && !dir.isBlank() && Path.of(dir).isAbsolute();
    }
}
