package org.fangpin.assistance.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;

import org.fangpin.assistance.command.EliminationCriteria.Assessment;
import org.fangpin.contracts.assistance.EliminationCriterion;
import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.MeasureStatus;
import org.fangpin.platform.web.Problems;
import org.fangpin.platform.web.Rule;
import org.fangpin.platform.web.RuleViolation;

/** A refusal that names a measure's status or a closure's reason names it in the language the user reads. */
class RefusalNamesTest {

    private final Problems problems = new Problems(messageSource());

    @Test
    void refusalsNamingAStatusOrAReasonNameItInEachLanguage() {
        List<Rule> rules = List.of(new Rules.MeasureStillOpen("m-1", MeasureStatus.COMPLETED),
                new Rules.StatusMovesForward(MeasureStatus.IN_PROGRESS, MeasureStatus.PLANNED),
                new Rules.CaseOpen(ClosureReason.MOVED_AWAY),
                new Rules.EliminationCriteriaMet(new Assessment(null, List.of(EliminationCriterion.MEASURE_COMPLETED))),
                new Rules.CompletionRecordsOutcome("m-1", MeasureStatus.COMPLETED, false));
        for (Rule rule : rules) {
            RuleViolation violation = catchThrowableOfType(RuleViolation.class, rule::verify);
            ProblemDetail problem = problems.problem(violation.status(), violation.code(), Locale.ENGLISH,
                    violation.args());
            @SuppressWarnings("unchecked")
            Map<String, String> both = (Map<String, String>) problem.getProperties().get("messages");
            assertThat(both.get("en")).as(violation.code()).doesNotContain("{").matches(NO_CHINESE);
            assertThat(both.get("zh-CN")).as(violation.code()).doesNotContain("{").doesNotMatch(NO_CHINESE);
        }
    }

    /** No CJK character, fullwidth punctuation included. */
    private static final String NO_CHINESE = "(?s)[^\\u2E80-\\uFFEF]*";

    private static ResourceBundleMessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "platform-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
