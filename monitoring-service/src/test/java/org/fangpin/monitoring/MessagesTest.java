package org.fangpin.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every problem this service answers with reads right in both languages: each code it uses has a Chinese and an
 * English message, each message keeps its arguments (MessageFormat drops what follows an unquoted apostrophe), and
 * no English message carries Chinese.
 */
class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern CODE_USED = Pattern.compile(
            "(?:RuleViolation\\.(?:of|conflict|notFound|forbidden)|problems?\\.(?:problem|write))\\([^;]*?\"([A-Z_]{4,})\"");

    private final Properties english = load("messages_en.properties");
    private final Properties chinese = load("messages_zh_CN.properties");
    private final Properties platformEnglish = load("platform-messages_en.properties");

    @Test
    void bothLanguagesHaveTheSameCodes() {
        assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
    }

    @Test
    void everyCodeThisServiceAnswersWithHasItsMessages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher code = CODE_USED.matcher(Files.readString(source));
                while (code.find()) {
                    used.add("problem." + code.group(1));
                }
            }
        }

        assertThat(used).isNotEmpty().allSatisfy(code -> assertThat(english.containsKey(code)
                || platformEnglish.containsKey(code)).as(code).isTrue());
        assertThat(used.stream().filter(english::containsKey)).allSatisfy(code ->
                assertThat(chinese).containsKey(code));
    }

    @Test
    void everyMessageKeepsItsArgumentsInBothLanguages() {
        for (Properties messages : new Properties[] {english, chinese}) {
            for (String key : messages.stringPropertyNames()) {
                String template = messages.getProperty(key);
                int arguments = (int) PLACEHOLDER.matcher(template).results().count();
                String formatted = arguments == 0 ? template
                        : new MessageFormat(template, Locale.ROOT).format(IntStream.range(0, arguments)
                        .mapToObj(i -> "«" + i + "»").toArray());
                IntStream.range(0, arguments).forEach(i -> assertThat(formatted).as(key).contains("«" + i + "»"));
                assertThat(formatted).as(key).doesNotContainPattern(PLACEHOLDER.pattern()).doesNotContain("''");
            }
        }
    }

    @Test
    void englishMessagesCarryNoChinese() {
        english.stringPropertyNames().forEach(key -> assertThat(HAN.matcher(english.getProperty(key)).find())
                .as(key + ": " + english.getProperty(key)).isFalse());
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(MessagesTest.class.getClassLoader().getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
        return properties;
    }
}
