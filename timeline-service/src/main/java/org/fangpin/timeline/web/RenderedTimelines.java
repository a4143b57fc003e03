package org.fangpin.timeline.web;

import java.util.Arrays;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Timelines as rendered JSON, each kept with the chain head of its household at the time it was read, and used
 * while that head is still the latest: a new entry changes the head, so a read after a write never gets the older
 * rendering. The rendering is the same for every reader (a timeline holds no ID numbers and nothing masked by role);
 * who may read it is checked on every request before this cache is asked. Bounded by the size of the renderings.
 */
@Component
class RenderedTimelines {

    private final Cache<Key, Rendered> cache;

    RenderedTimelines(@Value("${fangpin.timeline.rendered-timelines}") DataSize size) {
        this.cache = Caffeine.newBuilder().maximumWeight(size.toBytes())
                .<Key, Rendered>weigher((key, rendered) -> rendered.json().length)
                .build();
    }

    /**
     * @param head   the household's chain head as read before {@code render} runs, so that a rendering is never kept
     *               under a newer head than the data it shows
     * @param render reads and renders the timeline, called when nothing is kept for this head
     */
    byte[] timeline(String householdId, String kind, byte[] head, Supplier<byte[]> render) {
        Key key = new Key(householdId, kind);
        Rendered kept = cache.getIfPresent(key);
        if (kept != null && Arrays.equals(kept.head(), head)) {
            return kept.json();
        }
        byte[] json = render.get();
        cache.put(key, new Rendered(head, json));
        return json;
    }

    private record Key(String householdId, String kind) {
    }

    private record Rendered(byte[] head, byte[] json) {
    }
}
