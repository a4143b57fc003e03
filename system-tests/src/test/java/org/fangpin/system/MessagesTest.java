package org.fangpin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every message of every service, formatted in both languages as the services format them (MessageFormat when a
 * message takes arguments, the text as it stands when it takes none): each key exists in both, no argument is lost
 * to MessageFormat's quoting (an apostrophe must be written {@code ''} in a message
 * with arguments, and only there), and no English message carries Chinese; and every code a module refuses with
 * has its messages.
 */
class MessagesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final Pattern LEFTOVER = Pattern.compile("\\{\\d+[^}]*}");
    private static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");
    /** A problem code where the code names one: a rule's violation or a problem written by a filter or handler. */
    private static final Pattern CODE_USED = Pattern.compile("(?:RuleViolation\\.(?:of|conflict|notFound|forbidden)"
            + "|Violation\\.of|problems?\\.(?:problem|write))\\([^;]*?(?<!code\\()\"([A-Z][A-Z0-9_]{3,})\"");
    /** A refusal of the tabular-file readers, whose code is its file kind's prefix and this (TabularLimits.code). */
    private static final Pattern TABULAR_REFUSAL = Pattern.compile("\\.code\\(\"([A-Z][A-Z0-9_]{3,})\"\\)");
    private static final String PLATFORM = "platform/src/main/resources/platform-messages";

    @ParameterizedTest
    @ValueSource(strings = {"platform/src/main/resources/platform-messages",
            "identification-service/src/main/resources/messages", "monitoring-service/src/main/resources/messages",
            "assistance-service/src/main/resources/messages", "timeline-service/src/main/resources/messages"})
    void everyMessageFormatsWithItsArgumentsInBothLanguages(String bundle) throws IOException {
        Path root = Path.of(System.getProperty("fangpin.root", ".."));
        Properties chinese = load(root.resolve(bundle + "_zh_CN.properties"));
        Properties english = load(root.resolve(bundle + "_en.properties"));
        List<String> problems = new ArrayList<>();

        Set<String> keys = new TreeSet<>(chinese.stringPropertyNames());
        keys.addAll(english.stringPropertyNames());
        for (String key : keys) {
            String zh = chinese.getProperty(key);
            String en = english.getProperty(key);
            if (zh == null || en == null) {
                problems.add(key + ": only in " + (zh == null ? "English" : "Chinese"));
                continue;
            }
            // each language may take its own of the arguments (a status passed by its Chinese and its English name)
            String zhText = format(zh, arguments(zh), Locale.SIMPLIFIED_CHINESE);
            String enText = format(en, arguments(en), Locale.ENGLISH);
            for (String text : List.of(zhText, enText)) {
                if (LEFTOVER.matcher(text).find() || text.contains("''")) {
                    problems.add(key + ": formats to \"" + text + "\"");
                }
            }
            if (CHINESE.matcher(enText).find()) {
                problems.add(key + ": Chinese in English: \"" + enText + "\"");
            }
        }

        assertThat(problems).as(bundle).isEmpty();
    }

    /** Every code a module's main sources refuse with has its message in both languages, its own or the platform's. */
    @ParameterizedTest
    @ValueSource(strings = {"platform", "identification-service", "monitoring-service", "assistance-service",
            "timeline-service"})
    void everyCodeAModuleRefusesWithHasItsMessages(String module) throws IOException {
        Path root = Path.of(System.getProperty("fangpin.root", ".."));
        Path resources = root.resolve(module).resolve("src/main/resources");
        String bundle = module.equals("platform") ? "platform-messages" : "messages";
        Properties own = load(resources.resolve(bundle + "_en.properties"));
        own.putAll(load(resources.resolve(bundle + "_zh_CN.properties")));
        Properties platform = load(root.resolve(PLATFORM + "_en.properties"));
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(root.resolve(module).resolve("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher code = CODE_USED.matcher(Files.readString(source));
                while (code.find()) {
                    String key = "problem." + code.group(1);
                    if (!own.containsKey(key) && !platform.containsKey(key)) {
                        missing.add(code.group(1) + " (" + source.getFileName() + ")");
                    }
                }
            }
        }

        assertThat(missing).as(module + ": codes without messages").isEmpty();
    }

    /** Each refusal of the tabular-file readers has its message for department files and for imports alike. */
    @Test
    void everyRefusalOfTheTabularReadersHasItsMessageForEachKindOfFile() throws IOException {
        Path root = Path.of(System.getProperty("fangpin.root", ".."));
        Properties imports = load(root.resolve(PLATFORM + "_en.properties"));
        imports.putAll(load(root.resolve(PLATFORM + "_zh_CN.properties")));
        Path monitoring = root.resolve("monitoring-service/src/main/resources");
        Properties departmentFiles = load(monitoring.resolve("messages_en.properties"));
        departmentFiles.putAll(load(monitoring.resolve("messages_zh_CN.properties")));
        Set<String> refusals = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(root.resolve("platform/src/main/java/org/fangpin/platform/tabular"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher refusal = TABULAR_REFUSAL.matcher(Files.readString(source));
                while (refusal.find()) {
                    refusals.add(refusal.group(1));
                }
            }
        }

        assertThat(refusals).isNotEmpty().allSatisfy(refusal -> {
            assertThat(imports).containsKey("problem.IMPORT_FILE_" + refusal);
            assertThat(departmentFiles).containsKey("problem.DEPARTMENT_FILE_" + refusal);
        });
    }

    private static Set<Integer> arguments(String message) {
        Set<Integer> arguments = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(message);
        while (matcher.find()) {
            arguments.add(Integer.parseInt(matcher.group(1)));
        }
        return arguments;
    }

    /** As Spring's message source does: MessageFormat only for a message that takes arguments. */
    private static String format(String message, Set<Integer> arguments, Locale locale) {
        if (arguments.isEmpty()) {
            return message;
        }
        Object[] values = new Object[arguments.stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = "VALUE" + i;
        }
        return new MessageFormat(message, locale).format(values);
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
