package org.fangpin.identification.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyCorrected;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.WarningGrades;
import org.fangpin.identification.command.Policy.RecordBaselineCommand;
import org.fangpin.identification.command.Policy.SetPolicyCommand;
import org.fangpin.platform.web.RuleViolation;

class PolicyTest {

    private static final PolicyThresholds INNER_MONGOLIA_2024 = thresholds("8300.00");
    /** During 2024: its thresholds may already have been used, those of 2025 not yet. */
    private static final LocalDate MAY_2024 = LocalDate.of(2024, 5, 20);

    private FixtureConfiguration<Policy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Policy.class);
    }

    @Test
    void theFirstThresholdsOfARegionForTheCurrentYearAreAChangeFromNowOn() {
        fixture.givenNoPriorActivity()
                .when(SetPolicyCommand.of("15", 2024, INNER_MONGOLIA_2024, "自治区2024年监测收入基准", MAY_2024))
                .expectEvents(new PolicyChanged("15", 2024, INNER_MONGOLIA_2024, "自治区2024年监测收入基准", null));
    }

    @Test
    void settingTheSameThresholdsAgainChangesNothing() {
        fixture.given(new PolicyChanged("15", 2024, INNER_MONGOLIA_2024, "自治区2024年监测收入基准"))
                .when(SetPolicyCommand.of("15", 2024, INNER_MONGOLIA_2024, "重复提交", MAY_2024))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changingAYearToComeIsAChangeThatKeepsWhatItReplaced() {
        PolicyThresholds raised = thresholds("8600.00");
        fixture.given(new PolicyChanged("150724", 2025, INNER_MONGOLIA_2024, "沿用自治区基准"))
                .when(SetPolicyCommand.of("150724", 2025, raised, "旗里提高监测范围", MAY_2024))
                .expectEvents(new PolicyChanged("150724", 2025, raised, "旗里提高监测范围", INNER_MONGOLIA_2024));
    }

    @Test
    void changingTheCurrentYearsEntryIsACorrectionThatKeepsWhatItCorrected() {
        PolicyThresholds corrected = thresholds("8600.00");
        fixture.given(new PolicyChanged("150724", 2024, INNER_MONGOLIA_2024, "沿用自治区基准"))
                .when(SetPolicyCommand.of("150724", 2024, corrected, "更正：旗政府文件为8600元", MAY_2024))
                .expectEvents(new PolicyCorrected("150724", 2024, corrected, INNER_MONGOLIA_2024,
                        "更正：旗政府文件为8600元"));
    }

    @Test
    void settingAPastYearIsACorrectionEvenWithoutAnEntryOfItsOwn() {
        fixture.givenNoPriorActivity()
                .when(SetPolicyCommand.of("150724", 2023, thresholds("7800.00"), "补充：旗2023年监测范围", MAY_2024))
                .expectEvents(new PolicyCorrected("150724", 2023, thresholds("7800.00"), null, "补充：旗2023年监测范围"));
    }

    @Test
    void aCorrectionWithoutAReasonIsRefused() {
        fixture.given(new PolicyChanged("150724", 2024, INNER_MONGOLIA_2024, "沿用自治区基准"))
                .when(SetPolicyCommand.of("150724", 2024, thresholds("8600.00"), " ", MAY_2024))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("POLICY_CORRECTION_REASON_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void aChangeWithoutAReasonIsRefused() {
        fixture.givenNoPriorActivity()
                .when(SetPolicyCommand.of("150724", 2025, INNER_MONGOLIA_2024, null, MAY_2024))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("POLICY_REASON_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void aCorrectedEntryIsCorrectedAgainFromWhatTheCorrectionSet() {
        PolicyThresholds first = thresholds("8600.00");
        PolicyThresholds second = thresholds("8700.00");
        fixture.given(new PolicyChanged("150724", 2024, INNER_MONGOLIA_2024, "沿用自治区基准"),
                        new PolicyCorrected("150724", 2024, first, INNER_MONGOLIA_2024, "更正一"))
                .when(SetPolicyCommand.of("150724", 2024, second, "更正二", MAY_2024))
                .expectEvents(new PolicyCorrected("150724", 2024, second, first, "更正二"));
    }

    @Test
    void theBaselineOfPastYearsIsRecordedAsChangesAtTheFirstStart() {
        fixture.givenNoPriorActivity()
                .when(RecordBaselineCommand.of("", 2021, thresholds("6000.00"), "国家基准"))
                .expectEvents(new PolicyChanged("", 2021, thresholds("6000.00"), "国家基准", null));
    }

    @Test
    void theNationalBaselineHasTheSameIdAsItsPublishedSubject() {
        PolicyChanged national = new PolicyChanged("", 2023, thresholds("7500.00"), "国家基准");
        fixture.givenNoPriorActivity()
                .when(RecordBaselineCommand.of("", 2023, national.thresholds(), "国家基准"))
                .expectEvents(national);
        assertThat(Policy.idOf("", 2023)).isEqualTo(national.subject());
    }

    private static PolicyThresholds thresholds(String line) {
        return new PolicyThresholds(new BigDecimal(line), new BigDecimal("5000.00"), new BigDecimal("10000.00"),
                new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6, 15, 6,
                Map.of(ObjectType.MINIMUM_LIVING_ALLOWANCE, 7), WarningGrades.SEED_BASELINE, 40);
    }
}
