package com.klinelive.feed.format.json;

import com.klinelive.feed.protocol.JsonCursor;
import java.util.Arrays;
import java.util.Map;

/**
 * One segment of the compiled mapping: the paths of all mapped fields merged into a tree, so that a message is
 * read in one pass, descending only into the members some path names and skipping the rest.
 */
final class PathNode {

    private static final PathNode[] NONE = {};
    private static final int ASCII = 128;

    /** The segment this node stands for; empty for the root. */
    final String key;
    /** The array index the segment names, or -1. */
    final int index;
    /** The path from the root to here, as rejection reasons name it. */
    final String path;
    /** The field read at this node, or null for a node with children. */
    TradeField field;
    /** Bit {@code f.ordinal()} for each field at or below this node. */
    int fieldMask;
    /** Whether a child names an index, so that an array here is indexed rather than a list of trades. */
    boolean indexed;

    private PathNode[] children = NONE;
    /**
     * The children by the first character of their key, for keys starting with an ASCII character: most member
     * names of a message are ruled out by one look-up, without a comparison. Built by {@link #compile}.
     */
    private PathNode[][] byFirstChar;

    private PathNode(String key, int index, String path) {
        this.key = key;
        this.index = index;
        this.path = path;
    }

    /** The tree of {@code paths}; its root stands for the whole message. */
    static PathNode compile(Map<TradeField, FieldPath> paths) {
        PathNode root = new PathNode("", -1, "message");
        for (Map.Entry<TradeField, FieldPath> e : paths.entrySet()) {
            FieldPath p = e.getValue();
            int bit = 1 << e.getKey().ordinal();
            PathNode node = root;
            node.fieldMask |= bit;
            for (int i = 0; i < p.segments().size(); i++) {
                node = node.child(p, i);
                node.fieldMask |= bit;
            }
            node.field = e.getKey();
        }
        root.index();
        return root;
    }

    private void index() {
        byFirstChar = new PathNode[ASCII][];
        for (PathNode c : children) {
            c.index();
            char first = c.key.charAt(0);
            if (first < ASCII) {
                PathNode[] same = byFirstChar[first];
                same = same == null ? new PathNode[1] : Arrays.copyOf(same, same.length + 1);
                same[same.length - 1] = c;
                byFirstChar[first] = same;
            }
        }
    }

    private PathNode child(FieldPath p, int i) {
        String segment = p.segments().get(i);
        for (PathNode c : children) {
            if (c.key.equals(segment)) {
                return c;
            }
        }
        String path = String.join(".", p.segments().subList(0, i + 1));
        PathNode c = new PathNode(segment, p.indexAt(i), path);
        indexed |= c.index >= 0;
        children = Arrays.copyOf(children, children.length + 1);
        children[children.length - 1] = c;
        return c;
    }

    /** The child named by the member name the cursor just read, or null. */
    PathNode childNamed(JsonCursor cursor) {
        int first = cursor.nameFirstChar();
        if (first >= 0 && first < ASCII) {
            PathNode[] candidates = byFirstChar[first];
            if (candidates != null) {
                for (PathNode c : candidates) {
                    if (cursor.nameIs(c.key)) {
                        return c;
                    }
                }
            }
            return null;
        }
        for (PathNode c : children) {
            if (cursor.nameIs(c.key)) {
                return c;
            }
        }
        return null;
    }

    /** Whether every child is a mapped field, with nothing below it: the mapping reads one flat object. */
    boolean allChildrenAreFields() {
        for (PathNode c : children) {
            if (c.field == null) {
                return false;
            }
        }
        return children.length > 0;
    }

    /** The child naming array index {@code i}, or null. */
    PathNode childAt(int i) {
        for (PathNode c : children) {
            if (c.index == i) {
                return c;
            }
        }
        return null;
    }
}
