package com.klinelive.feed.socketio;

/**
 * One Socket.IO v5 packet as the default parser writes it, the text after the Engine.IO {@code message} type:
 * {@code <type>[<attachments>-][<namespace>,][<ack id>][<JSON data>]}, such as {@code 2["trade",{..}]},
 * {@code 0/prices,{"sid":".."}} or {@code 21-["x",{"_placeholder":true,"num":0}]}. Only the head is parsed here;
 * the data stays in the text, from {@link #dataStart}.
 *
 * @param type        {@link #CONNECT} ... {@link #BINARY_ACK}
 * @param namespace   the namespace, {@code /} when the packet names none
 * @param attachments binary attachments that follow (binary packets only), else 0
 * @param ackId       the acknowledgement id, or -1
 * @param text        the whole packet text
 * @param dataStart   where the JSON data starts in {@code text}; {@code text.length()} when there is none
 */
record SocketIoPacket(int type, String namespace, int attachments, long ackId, String text, int dataStart) {

    static final int CONNECT = 0;
    static final int DISCONNECT = 1;
    static final int EVENT = 2;
    static final int ACK = 3;
    static final int CONNECT_ERROR = 4;
    static final int BINARY_EVENT = 5;
    static final int BINARY_ACK = 6;

    /** More attachments than this in one packet is not a trade feed; the packet is refused. */
    static final int MAX_ATTACHMENTS = 16;

    private static final int MAX_NAMESPACE = 256;
    private static final int MAX_ID_DIGITS = 15;

    /**
     * Parses the head of the packet in {@code text} from {@code start}.
     *
     * @throws IllegalArgumentException saying what is malformed
     */
    static SocketIoPacket parse(String text, int start) {
        int p = start;
        if (p >= text.length() || text.charAt(p) < '0' || text.charAt(p) > '6') {
            throw new IllegalArgumentException("socket.io packet of unknown type");
        }
        int type = text.charAt(p++) - '0';
        int attachments = 0;
        if (type == BINARY_EVENT || type == BINARY_ACK) {
            int digits = p;
            while (p < text.length() && isDigit(text.charAt(p)) && p - digits < 3) {
                attachments = attachments * 10 + text.charAt(p++) - '0';
            }
            if (p == digits || p >= text.length() || text.charAt(p) != '-') {
                throw new IllegalArgumentException("binary socket.io packet without its attachment count");
            }
            p++;
            if (attachments > MAX_ATTACHMENTS) {
                throw new IllegalArgumentException("socket.io packet with more than 16 binary attachments");
            }
        }
        String namespace = "/";
        if (p < text.length() && text.charAt(p) == '/') {
            int comma = text.indexOf(',', p);
            int end = comma < 0 ? text.length() : comma;
            if (end - p > MAX_NAMESPACE) {
                throw new IllegalArgumentException("socket.io namespace over 256 characters");
            }
            namespace = text.substring(p, end);
            p = comma < 0 ? end : end + 1;
        }
        long ackId = -1;
        int digits = p;
        while (p < text.length() && isDigit(text.charAt(p))) {
            if (p - digits == MAX_ID_DIGITS) {
                throw new IllegalArgumentException("socket.io acknowledgement id too long");
            }
            ackId = (ackId < 0 ? 0 : ackId * 10) + text.charAt(p++) - '0';
        }
        return new SocketIoPacket(type, namespace, attachments, ackId, text, p);
    }

    /** Whether the packet carries JSON data after its head. */
    boolean hasData() {
        return dataStart < text.length();
    }

    /** The data, as text. */
    String data() {
        return text.substring(dataStart);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
