package org.fangpin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A full page points at its last item; a page short of the limit is the last one. */
class PagesTest {

    @Test
    void aFullPageGivesItsLastKeyAndAShortPageNone() {
        assertThat(Pages.nextCursor(List.of(3L, 7L), 2, key -> key)).isEqualTo("7");
        assertThat(Pages.nextCursor(List.of("a", "b"), 3, key -> key)).isNull();
        assertThat(Pages.nextCursor(List.<String>of(), 1, key -> key)).isNull();
    }
}
