package com.klinelive.feed.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Engine.IO v4 and Socket.IO v5 wire forms, from the protocols' own examples. */
class SocketIoWireTest {

    @Test
    void urlsNameTheServerTheEnginePathAndTheNamespace() {
        SocketIoEndpoint main = SocketIoEndpoint.parse(URI.create("http://127.0.0.1:3000"));
        assertEquals("/", main.namespace());
        assertEquals(URI.create("http://127.0.0.1:3000/socket.io/?EIO=4&transport=polling"), main.polling(null));
        assertEquals(
                URI.create("ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket&sid=abc"), main.webSocket("abc"));
        SocketIoEndpoint prices = SocketIoEndpoint.parse(URI.create("wss://feed.example:8443/prices/?token=x%20y"));
        assertEquals("/prices", prices.namespace());
        assertEquals(
                URI.create("https://feed.example:8443/socket.io/?EIO=4&transport=polling&sid=s1&token=x%20y"),
                prices.polling("s1"));
        SocketIoEndpoint mounted = SocketIoEndpoint.parse(URI.create("https://h/api/socket.io/admin"));
        assertEquals("/api/socket.io/", mounted.enginePath());
        assertEquals("/admin", mounted.namespace());
        assertEquals(
                "/", SocketIoEndpoint.parse(URI.create("http://h/socket.io/")).namespace());
        assertThrows(IllegalArgumentException.class, () -> SocketIoEndpoint.parse(URI.create("ftp://h/")));
    }

    @Test
    void theOpenPacketIsReadStrictly() {
        EngineIoHandshake h = EngineIoHandshake.parse("{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[\"websocket\"],"
                + "\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}");
        assertEquals("lv_VI97HAXpY6yYWAAAC", h.sid());
        assertEquals(List.of("websocket"), h.upgrades());
        assertEquals(Duration.ofSeconds(45), h.silenceLimit());
        assertEquals(1_000_000, h.maxPayload());
        assertEquals(
                EngineIoHandshake.DEFAULT_MAX_PAYLOAD,
                EngineIoHandshake.parse("{\"sid\":\"a\",\"upgrades\":[],\"pingInterval\":1,\"pingTimeout\":1}")
                        .maxPayload(),
                "servers before Engine.IO 6.2 send no maxPayload");
        for (String bad : List.of(
                "{\"sid\":\"a b\",\"pingInterval\":1,\"pingTimeout\":1}",
                "{\"sid\":\"a\",\"pingInterval\":0,\"pingTimeout\":1}",
                "{\"sid\":\"a\",\"pingInterval\":1.5,\"pingTimeout\":1}",
                "{\"sid\":\"a\",\"pingInterval\":1}",
                "{'sid':'a'}",
                "[]")) {
            assertThrows(IllegalArgumentException.class, () -> EngineIoHandshake.parse(bad), bad);
        }
    }

    @Test
    void packetHeadsFromTheProtocolsExamples() {
        SocketIoPacket event = SocketIoPacket.parse("42[\"hey\",\"Jude\"]", 1);
        assertEquals(SocketIoPacket.EVENT, event.type());
        assertEquals("/", event.namespace());
        assertEquals(-1, event.ackId());
        assertEquals("[\"hey\",\"Jude\"]", event.data());
        SocketIoPacket withAck = SocketIoPacket.parse("3/admin,13[\"bar\"]", 0);
        assertEquals(SocketIoPacket.ACK, withAck.type());
        assertEquals("/admin", withAck.namespace());
        assertEquals(13, withAck.ackId());
        SocketIoPacket binary = SocketIoPacket.parse("52-/admin,[\"baz\",{\"_placeholder\":true,\"num\":0}]", 0);
        assertEquals(2, binary.attachments());
        assertEquals("/admin", binary.namespace());
        SocketIoPacket disconnect = SocketIoPacket.parse("1/admin,", 0);
        assertEquals("/admin", disconnect.namespace());
        assertFalse(disconnect.hasData());
        assertEquals(
                "{\"sid\":\"x\"}",
                SocketIoPacket.parse("0/admin,{\"sid\":\"x\"}", 0).data());
        for (String bad : List.of("", "7", "5[\"x\"]", "5999-[\"x\"]", "21234567890123456[\"x\"]")) {
            assertThrows(IllegalArgumentException.class, () -> SocketIoPacket.parse(bad, 0), bad);
        }
    }

    @Test
    void theFirstArgumentIsCutOutWhateverItHolds() {
        EventArguments a = new EventArguments();
        String text = "[\"trade\", {\"s\":\"a,]}\\\"\",\"d\":[1,{\"x\":[2]}]} ,\"second\",3]";
        assertTrue(a.scan(text, 0));
        assertTrue(a.nameIs(text, "\"trade\""));
        assertEquals("{\"s\":\"a,]}\\\"\",\"d\":[1,{\"x\":[2]}]}", a.firstArgument(text));
        assertTrue(a.scan("[\"trade\",  43250.5 ]", 0));
        assertEquals("43250.5", a.firstArgument("[\"trade\",  43250.5 ]"));
        assertTrue(a.scan("[\"news\"]", 0));
        assertFalse(a.hasArgument());
        for (String bad : List.of("{}", "[1,2]", "[\"x\",]", "[\"x\",{]", "[\"x\" 1]", "[\"x\",1] y", "[\"x")) {
            assertFalse(a.scan(bad, 0), bad);
        }
    }

    @Test
    void eventNamesAreQuotedAsJsonStringifyQuotesThem() {
        assertEquals("\"trade\"", JsonText.quote("trade"));
        assertEquals("\"a\\\"b\\\\c\\n\\u0001é\"", JsonText.quote("a\"b\\c\n\u0001é"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SocketIoSettings("trade", Optional.of("{\"not\":\"an event\"}"), true));
    }
}
