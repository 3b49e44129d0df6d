package com.klinelive.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

class LegacyPreferencesTest {

    @Test
    void theOldSettingsBecomeAOneChartWorkspaceAndAreThenRemoved() throws Exception {
        Preferences root = Preferences.userRoot().node("klinelive-legacy-test-" + System.nanoTime());
        Preferences node = root.node("app");
        node.put("feed.url", "http://127.0.0.1:8080");
        node.put("feed.recent", "http://127.0.0.1:8080\nwss://stream.binance.com:9443/ws/btcusdt@trade");
        node.put("feed.symbol", "SIM-ETH");
        node.put("chart.timeframe", "15m");
        node.putBoolean("chart.indicator.ema", true);
        node.putBoolean("ui.dark", false);
        node.putDouble("window.x", 40);
        node.putDouble("window.y", 30);
        node.putDouble("window.width", 1600);
        node.putDouble("window.height", 900);
        assertTrue(LegacyPreferences.present(node));

        Workspace w = LegacyPreferences.read(node);

        ChartSpec chart = w.charts().get(0);
        assertEquals("http://127.0.0.1:8080", chart.feed().url());
        assertEquals("SIM-ETH", chart.symbol());
        assertEquals("15m", chart.timeframe());
        assertEquals(List.of("volume", "ema:50"), chart.studies());
        assertEquals(2, w.recentUrls().size());
        assertFalse(w.ui().dark());
        assertEquals(40, w.window().x());
        assertEquals(1600, w.window().width());

        LegacyPreferences.remove(node);
        assertFalse(root.nodeExists("app"));
        root.removeNode();
    }
}
