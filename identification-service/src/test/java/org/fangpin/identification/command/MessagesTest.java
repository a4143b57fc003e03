package org.fangpin.identification.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import org.fangpin.platform.web.RuleViolation;

/**
 * The texts a refusal shows: every code the service refuses with has a Chinese and an English message, English
 * texts are English throughout, and what MessageFormat reads keeps its apostrophes and fills its arguments.
 */
class MessagesTest {

    private static final Pattern CODE =
            Pattern.compile("RuleViolation\\.(?:of|conflict|notFound|forbidden)\\(\"([A-Z_]+)\"");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    private final Properties english = load("messages_en.properties");
    private final Properties chinese = load("messages_zh_CN.properties");
    private final Properties platformEnglish = load("platform-messages_en.properties");

    @Test
    void everyCodeTheServiceRefusesWithHasBothMessages() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (String code : codesInSources()) {
            if (!platformEnglish.containsKey("problem." + code)
                    && !(english.containsKey("problem." + code) && chinese.containsKey("problem." + code))) {
                missing.add(code);
            }
        }

        assertThat(missing).isEmpty();
        assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
    }

    @Test
    void englishTextsHaveNoChineseAndEveryApostropheSurvivesMessageFormat() {
        Set<String> chineseInEnglish = new TreeSet<>();
        Set<String> lostApostrophes = new TreeSet<>();
        Set<String> leftoverPlaceholders = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            String text = english.getProperty(key);
            if (CHINESE.matcher(text).find()) {
                chineseInEnglish.add(key);
            }
            if (LONE_APOSTROPHE.matcher(text).find()) {
                lostApostrophes.add(key);
            }
            if (new MessageFormat(text, Locale.ENGLISH).format(new Object[] {"a", "b", "c", "d"}).contains("{")) {
                leftoverPlaceholders.add(key);
            }
        }

        assertThat(chineseInEnglish).isEmpty();
        assertThat(lostApostrophes).isEmpty();
        assertThat(leftoverPlaceholders).isEmpty();
    }

    @Test
    void aStepOutOfOrderNamesTheStagesInTheLanguageAsked() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "platform-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        RuleViolation outOfOrder = catchThrowableOfType(RuleViolation.class,
                () -> new Rules.StepOrder(CaseStage.VERIFIED, CaseStage.TOWNSHIP_APPROVED).verify());

        String inEnglish = messages.getMessage("problem." + outOfOrder.code(), outOfOrder.args(), Locale.ENGLISH);
        String inChinese = messages.getMessage("problem." + outOfOrder.code(), outOfOrder.args(),
                Locale.SIMPLIFIED_CHINESE);

        assertThat(inEnglish).isEqualTo("The case is at step \"verified, awaiting village evaluation\"; this step is "
                + "taken at step \"approved by the township, awaiting county decision\".");
        assertThat(inChinese).isEqualTo("识别程序当前处于“已入户核实，待村级评议”环节，本操作需在“乡镇审核通过，待县级审定”环节办理。");
    }

    private static Set<String> codesInSources() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = CODE.matcher(Files.readString(source));
                while (matcher.find()) {
                    codes.add(matcher.group(1));
                }
            }
        }
        assertThat(codes).contains("IDENT_STEP_ORDER", "POLICY_NATIONAL_BY_ADMIN_ONLY");
        return codes;
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
