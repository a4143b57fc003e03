package org.fangpin.platform.web;

import java.util.List;
import java.util.function.Function;

/** Cursor paging as every list endpoint answers it. */
public final class Pages {

    private Pages() {
    }

    /**
     * The cursor of the page after {@code page}: the key of its last item, or null when the page is not full (the last
     * page). A full last page gives one more, empty, page.
     */
    public static <T> String nextCursor(List<T> page, int limit, Function<T, ?> key) {
        return page.size() < limit ? null : String.valueOf(key.apply(page.get(page.size() - 1)));
    }
}
