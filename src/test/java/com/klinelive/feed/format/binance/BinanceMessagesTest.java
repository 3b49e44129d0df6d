package com.klinelive.feed.format.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.klinelive.feed.format.exchange.Corpus;
import com.klinelive.feed.format.exchange.ExchangeReply;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinanceMessagesTest {

    private static String corpus(String name) {
        return Corpus.read(BinanceMessagesTest.class, name);
    }

    @Test
    void subscribeNamesLowerCaseStreamsAndAnId() {
        assertEquals(
                "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\",\"ethusdt@trade\"],\"id\":7}",
                BinanceMessages.subscribe(
                        List.of(BinanceMessages.aggTradeStream("BTCUSDT"), BinanceMessages.tradeStream("ETHUSDT")), 7));
        assertThrows(IllegalArgumentException.class, () -> BinanceMessages.subscribe(List.of("x\"],\"id\":1}"), 1));
    }

    @Test
    void repliesAreToldApart() {
        assertEquals(ExchangeReply.SUBSCRIBED, BinanceMessages.reply(corpus("subscribe-reply.json")));
        assertEquals(
                ExchangeReply.Kind.REFUSED,
                BinanceMessages.reply(corpus("error-reply.json")).kind());
        assertEquals(
                ExchangeReply.Kind.CLOSING,
                BinanceMessages.reply(corpus("server-shutdown.json")).kind());
        assertEquals(
                ExchangeReply.Kind.CLOSING,
                BinanceMessages.reply("{\"e\":\"serverShutdown\",\"E\":1}").kind());
        assertEquals(ExchangeReply.NOTHING, BinanceMessages.reply(corpus("spot-aggtrade.json")));
        assertEquals(ExchangeReply.NOTHING, BinanceMessages.reply("{\"result\":[\"btcusdt@aggTrade\"],\"id\":3}"));
        assertEquals(ExchangeReply.NOTHING, BinanceMessages.reply("not json"));
    }

    @Test
    void marketsAreKnownByTheirStreamHost() {
        assertEquals(BinanceMarket.SPOT, BinanceMarket.ofStreamHost("stream.binance.com"));
        assertEquals(BinanceMarket.USDM_FUTURES, BinanceMarket.ofStreamHost("FSTREAM.binance.com"));
        assertEquals(null, BinanceMarket.ofStreamHost("stream.binance.us"));
    }
}
