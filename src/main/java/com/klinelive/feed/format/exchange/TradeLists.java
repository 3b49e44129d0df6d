package com.klinelive.feed.format.exchange;

import com.klinelive.model.Tick;
import java.util.Comparator;
import java.util.List;

/** Checks on trades gathered from several pages, so a repair is complete or refused, never partial. */
public final class TradeLists {

    private TradeLists() {}

    /** {@code trades} sorted by id, duplicates across pages dropped. */
    public static List<Tick> byId(List<Tick> trades) {
        return trades.stream()
                .sorted(Comparator.comparingLong(Tick::seq))
                .distinct()
                .toList();
    }

    /**
     * The trades with ids strictly between {@code afterSeq} and {@code beforeSeq}, in id order, refusing the lot
     * unless every id in between is there (exchanges whose ids count up by one).
     */
    public static List<Tick> exactGap(List<Tick> trades, long afterSeq, long beforeSeq, String what) {
        List<Tick> inside = byId(trades).stream()
                .filter(t -> t.seq() > afterSeq && t.seq() < beforeSeq)
                .toList();
        if (inside.size() != beforeSeq - afterSeq - 1) {
            throw new RestAnswerException(
                    what + ": " + inside.size() + " of the " + (beforeSeq - afterSeq - 1) + " missing trades came");
        }
        return inside;
    }
}
