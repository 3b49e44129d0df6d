package com.klinelive.feed.format;

import java.util.Optional;

/**
 * What a format offers besides its stream, each part optional: REST candles, the trades that rebuild the open
 * candle, the trades that repair a gap, and the symbol list. Without trade repair the candles a gap touched are
 * replaced from REST candles once they close; without candles there is no backfill and no repair at all.
 */
public final class FormatHistory {

    /** A feed with nothing but its stream. */
    public static final FormatHistory NONE = new FormatHistory(null, null, null, null);

    private final CandleSource candles;
    private final RecentTrades recentTrades;
    private final TradeRepair tradeRepair;
    private final SymbolSource symbols;

    private FormatHistory(
            CandleSource candles, RecentTrades recentTrades, TradeRepair tradeRepair, SymbolSource symbols) {
        this.candles = candles;
        this.recentTrades = recentTrades;
        this.tradeRepair = tradeRepair;
        this.symbols = symbols;
    }

    public FormatHistory withCandles(CandleSource source) {
        return new FormatHistory(source, recentTrades, tradeRepair, symbols);
    }

    public FormatHistory withRecentTrades(RecentTrades source) {
        return new FormatHistory(candles, source, tradeRepair, symbols);
    }

    public FormatHistory withTradeRepair(TradeRepair source) {
        return new FormatHistory(candles, recentTrades, source, symbols);
    }

    public FormatHistory withSymbols(SymbolSource source) {
        return new FormatHistory(candles, recentTrades, tradeRepair, source);
    }

    /** Candles of a timeframe, paged back by an exclusive end time. */
    public Optional<CandleSource> candles() {
        return Optional.ofNullable(candles);
    }

    /** The trades since a time, to rebuild the open candle up to a trade id. */
    public Optional<RecentTrades> recentTrades() {
        return Optional.ofNullable(recentTrades);
    }

    /** The trades between two trade ids, to repair a gap exactly. */
    public Optional<TradeRepair> tradeRepair() {
        return Optional.ofNullable(tradeRepair);
    }

    /** The symbols the feed offers. */
    public Optional<SymbolSource> symbols() {
        return Optional.ofNullable(symbols);
    }
}
