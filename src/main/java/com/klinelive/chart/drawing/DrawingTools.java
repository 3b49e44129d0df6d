package com.klinelive.chart.drawing;

import java.util.List;
import java.util.Optional;

/** Every drawing tool, in toolbar order: adding a tool is one line here. */
public final class DrawingTools {

    public static final List<DrawingTool> ALL = List.of(
            new HorizontalLine(), new TrendLine(), new Ray(), new Rectangle(), new FibRetracement(), new Note());

    private DrawingTools() {}

    /** The tool with this id. */
    public static Optional<DrawingTool> byId(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
