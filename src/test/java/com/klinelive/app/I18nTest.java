package com.klinelive.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class I18nTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18n.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyHasAnEnglishAndAChineseText() throws IOException {
        Properties en = bundle("messages.properties");
        Properties zh = bundle("messages_zh.properties");
        Set<String> missingInChinese = new TreeSet<>(en.stringPropertyNames());
        missingInChinese.removeAll(zh.stringPropertyNames());
        Set<String> missingInEnglish = new TreeSet<>(zh.stringPropertyNames());
        missingInEnglish.removeAll(en.stringPropertyNames());

        assertEquals(Set.of(), missingInChinese, "keys without a Chinese text");
        assertEquals(Set.of(), missingInEnglish, "keys without an English text");
    }

    @Test
    void textsFollowTheLanguageAndFillTheirPlaces() {
        I18n i18n = new I18n(Locale.ENGLISH);
        assertEquals("Watchlist", i18n.text("watchlist.title"));
        assertEquals("crosses up 100.5", i18n.text("alerts.condition.CROSSES_UP", "100.5"));

        var title = i18n.bind("watchlist.title");
        i18n.localeProperty().set(Locale.SIMPLIFIED_CHINESE);
        assertEquals("自选列表", title.get());
        assertEquals("上穿 100.5", i18n.text("alerts.condition.CROSSES_UP", "100.5"));
        assertEquals("no.such.key", i18n.text("no.such.key"));
    }

    @Test
    void languagesByName() {
        assertEquals(Locale.ENGLISH, I18n.localeFor("en"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, I18n.localeFor("zh"));
        assertThrows(IllegalArgumentException.class, () -> I18n.localeFor("fr"));
    }
}
