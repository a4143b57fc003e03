package org.fangpin.timeline.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Timelines as rendered JSON, plain and gzip-compressed, each kept with the chain head of its household at the time
 * it was read, and used while that head is still the latest: a new entry changes the head, so a read after a write
 * never gets the older rendering. The rendering is the same for every reader (a timeline holds no ID numbers and
 * nothing masked by role); who may read it is checked on every request before this cache is asked. Bounded by the
 * size of the renderings.
 * <p>
 * A long timeline is compressed once when it is rendered, not on every read: a 300-entry timeline is about 165 KB of
 * JSON and a tenth of that in gzip, which the gateway then passes on as it is.
 */
@Component
class RenderedTimelines {

    private final Cache<Key, Rendering> cache;

    RenderedTimelines(@Value("${fangpin.timeline.rendered-timelines}") DataSize size) {
        this.cache = Caffeine.newBuilder().maximumWeight(size.toBytes())
                .<Key, Rendering>weigher((key, rendering) -> rendering.json().length + rendering.gzip().length)
                .build();
    }

    /** The timeline's rendering as it was at {@code head}, plain and compressed. */
    record Rendering(byte[] head, byte[] json, byte[] gzip) {

        /**
         * A weak validator (the plain and compressed bodies share it): the chain head, which changes with every
         * entry of the household and with nothing else.
         */
        static String etag(byte[] head, String kind) {
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(head)
                    + (kind == null ? "" : "-" + kind) + "\"";
        }
    }

    /**
     * @param head   the household's chain head as read before {@code render} runs, so that a rendering is never kept
     *               under a newer head than the data it shows
     * @param render reads and renders the timeline, called when nothing is kept for this head
     */
    Rendering timeline(String householdId, String kind, byte[] head, Supplier<byte[]> render) {
        Key key = new Key(householdId, kind);
        Rendering kept = cache.getIfPresent(key);
        if (kept != null && Arrays.equals(kept.head(), head)) {
            return kept;
        }
        byte[] json = render.get();
        Rendering rendering = new Rendering(head, json, gzip(json));
        cache.put(key, rendering);
        return rendering;
    }

    private static byte[] gzip(byte[] json) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(json.length / 8 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    private record Key(String householdId, String kind) {
    }
}
