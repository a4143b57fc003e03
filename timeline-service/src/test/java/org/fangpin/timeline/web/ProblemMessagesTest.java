package org.fangpin.timeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Every refusal reads in Chinese and in English, with its values filled in and no Chinese in the English text. */
class ProblemMessagesTest {

    private static final Object[] SAMPLE_ARGS = IntStream.range(0, 4).mapToObj(i -> "v" + i).toArray();
    /** No CJK character, fullwidth punctuation included. */
    private static final String NO_CHINESE = "(?s)[^\\u2E80-\\uFFEF]*";

    @Test
    void everyMessageExistsInBothLanguages() throws IOException {
        assertThat(bundle("messages_en.properties").keySet())
                .containsExactlyInAnyOrderElementsOf(bundle("messages_zh_CN.properties").keySet());
    }

    @Test
    void everyMessageFillsInItsValuesAndEnglishHoldsNoChinese() throws IOException {
        for (Map.Entry<Object, Object> message : bundle("messages_en.properties").entrySet()) {
            assertThat(MessageFormat.format((String) message.getValue(), SAMPLE_ARGS))
                    .as(message.getKey().toString()).doesNotContain("{").matches(NO_CHINESE);
        }
        for (Map.Entry<Object, Object> message : bundle("messages_zh_CN.properties").entrySet()) {
            assertThat(MessageFormat.format((String) message.getValue(), SAMPLE_ARGS))
                    .as(message.getKey().toString()).doesNotContain("{");
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(ProblemMessagesTest.class.getResourceAsStream("/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
