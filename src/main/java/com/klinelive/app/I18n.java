package com.klinelive.app;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The user-facing texts of the app, from the resource bundle {@code messages} (English, and Simplified Chinese in
 * {@code messages_zh}), in the language chosen in the View menu or the system's. Labels bind to
 * {@link #bind(String, Object...)} so switching the language relabels the open window at once. FX thread.
 */
public final class I18n {

    private static final String BUNDLE = "com.klinelive.app.messages";

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");
    private ResourceBundle bundle;

    /** Texts in {@code locale}'s language (English when there is no bundle for it). */
    public I18n(Locale locale) {
        this.locale.addListener((obs, was, is) -> bundle = load(is));
        this.locale.set(locale);
    }

    /** The language for a {@code --lang} value or a saved setting: {@code en}, {@code zh} or {@code system}. */
    public static Locale localeFor(String language) {
        return switch (language == null ? "system" : language.trim().toLowerCase(Locale.ROOT)) {
            case "en" -> Locale.ENGLISH;
            case "zh", "zh-cn", "zh_cn" -> Locale.SIMPLIFIED_CHINESE;
            case "system", "" ->
                Locale.getDefault().getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
            default -> throw new IllegalArgumentException("unknown language '" + language + "' (use en, zh or system)");
        };
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    /** The text of {@code key}, with {@code args} put in its {0}, {1}... places. */
    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing text must not break the window; the key shows what is missing (I18nTest lists them).
            return key;
        }
        // Always through MessageFormat, so an apostrophe is written '' in every text, with or without places.
        return new MessageFormat(pattern, locale.get()).format(args);
    }

    /** A binding to the text of {@code key} that follows the language. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> text(key, args), locale);
    }

    private static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
