package com.klinelive.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDirectoryTest {

    @Test
    void linuxFollowsXdgAndFallsBackToDotConfig() {
        assertEquals(
                Path.of("/xdg/klinelive"),
                ConfigDirectory.resolve("Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), "/home/ann"));
        assertEquals(Path.of("/home/ann/.config/klinelive"), ConfigDirectory.resolve("Linux", Map.of(), "/home/ann"));
        assertEquals(
                Path.of("/home/ann/.config/klinelive"),
                ConfigDirectory.resolve("Linux", Map.of("XDG_CONFIG_HOME", "relative/path"), "/home/ann"),
                "a relative XDG_CONFIG_HOME is invalid and ignored");
    }

    @Test
    void windowsUsesAppDataAndMacApplicationSupport() {
        assertEquals(
                Path.of("C:/Users/ann/AppData/Roaming", "KLine Live"),
                ConfigDirectory.resolve(
                        "Windows 11", Map.of("APPDATA", "C:/Users/ann/AppData/Roaming"), "C:/Users/ann"));
        assertEquals(
                Path.of("/Users/ann/Library/Application Support/KLine Live"),
                ConfigDirectory.resolve("Mac OS X", Map.of(), "/Users/ann"));
    }
}
