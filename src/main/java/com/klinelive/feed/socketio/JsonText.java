package com.klinelive.feed.socketio;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** Small text helpers: a name quoted the way a Socket.IO server writes it, and server text made safe to show. */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {}

    /**
     * {@code s} as a JSON string, quotes included, escaped exactly as JavaScript's {@code JSON.stringify} does
     * (the socket.io server's encoder), so that an event name on the wire can be compared as text.
     */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    boolean loneSurrogate = Character.isHighSurrogate(c)
                                    && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))
                            || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || loneSurrogate) {
                        sb.append("\\u")
                                .append(HEX[c >> 12 & 0xF])
                                .append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF])
                                .append(HEX[c & 0xF]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Server text cut to {@code max} characters with everything unprintable replaced, fit for a status bar. */
    static String printable(String text, int max) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?").trim();
        return clean.length() > max ? clean.substring(0, max) + "…" : clean;
    }

    /** The {@code message} of a JSON error object such as {@code {"message":"Not authorized"}}, else the text. */
    static String errorMessage(String data, int max) {
        if (data == null) {
            return "";
        }
        try {
            JsonElement e = JsonParser.parseString(data);
            if (e.isJsonObject()
                    && e.getAsJsonObject().has("message")
                    && e.getAsJsonObject().get("message").isJsonPrimitive()) {
                return printable(e.getAsJsonObject().get("message").getAsString(), max);
            }
        } catch (JsonParseException | IllegalStateException e) {
            // Not JSON: show the text itself.
        }
        return printable(data, max);
    }
}
