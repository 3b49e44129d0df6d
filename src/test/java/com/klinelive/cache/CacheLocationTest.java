package com.klinelive.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheLocationTest {

    @Test
    void linuxUsesXdgCacheHomeOrDotCache() {
        assertEquals(
                Path.of("/var/cache/me/klinelive"),
                CacheLocation.directory("Linux", Map.of("XDG_CACHE_HOME", "/var/cache/me"), "/home/me"));
        assertEquals(Path.of("/home/me/.cache/klinelive"), CacheLocation.directory("Linux", Map.of(), "/home/me"));
        assertEquals(
                Path.of("/home/me/.cache/klinelive"),
                CacheLocation.directory("Linux", Map.of("XDG_CACHE_HOME", "relative/ignored"), "/home/me"),
                "a relative XDG path is invalid and ignored");
    }

    @Test
    void windowsUsesLocalAppData() {
        String local = Path.of("/Users/me/AppData/Local").toString();
        assertEquals(
                Path.of(local, "KLine Live", "Cache"),
                CacheLocation.directory("Windows 11", Map.of("LOCALAPPDATA", local), "/Users/me"));
        assertEquals(
                Path.of("/Users/me", "AppData", "Local", "KLine Live", "Cache"),
                CacheLocation.directory("Windows 11", Map.of(), "/Users/me"));
    }

    @Test
    void macUsesLibraryCaches() {
        assertEquals(
                Path.of("/Users/me/Library/Caches/KLine Live"),
                CacheLocation.directory("Mac OS X", Map.of("XDG_CACHE_HOME", "/elsewhere"), "/Users/me"));
    }
}
