package com.klinelive.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private final Preferences node = Preferences.userRoot().node("klinelive-settings-test-" + System.nanoTime());
    private final Settings settings = new Settings(node);

    @AfterEach
    void remove() throws Exception {
        node.removeNode();
    }

    @Test
    void credentialsInAUrlAreNeverStored() {
        settings.lastUrl("wss://trader:hunter2@feed.example:9443/ws?token=abc&streams=btcusdt@trade");

        assertEquals("wss://feed.example:9443/ws?streams=btcusdt@trade", settings.lastUrl());
        assertEquals(List.of("wss://feed.example:9443/ws?streams=btcusdt@trade"), settings.recentUrls());
    }

    @Test
    void recentUrlsKeepTheNewestFirstWithoutRepeats() {
        for (int i = 0; i < 10; i++) {
            settings.lastUrl("http://127.0.0.1:" + (8000 + i));
        }
        settings.lastUrl("http://127.0.0.1:8005");

        assertEquals("http://127.0.0.1:8005", settings.recentUrls().get(0));
        assertEquals(8, settings.recentUrls().size());
        assertEquals(
                1,
                settings.recentUrls().stream().filter(u -> u.endsWith(":8005")).count());
    }

    @Test
    void anUnreadableTimeframeFallsBackToOneMinute() {
        node.put("chart.timeframe", "7q");
        assertEquals(Timeframe.M1, settings.timeframe());
        settings.timeframe(Timeframe.H4);
        assertEquals(Timeframe.H4, new Settings(node).timeframe());
    }
}
