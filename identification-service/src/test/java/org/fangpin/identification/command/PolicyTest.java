package org.fangpin.identification.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.identification.command.Policy.SetPolicyCommand;

class PolicyTest {

    private static final PolicyThresholds INNER_MONGOLIA_2024 = thresholds("8300.00");

    private FixtureConfiguration<Policy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Policy.class);
    }

    @Test
    void theFirstThresholdsOfARegionAndYearAreRecordedAsAChange() {
        fixture.givenNoPriorActivity()
                .when(SetPolicyCommand.of("15", 2024, INNER_MONGOLIA_2024, "自治区2024年监测收入基准"))
                .expectEvents(new PolicyChanged("15", 2024, INNER_MONGOLIA_2024, "自治区2024年监测收入基准"));
    }

    @Test
    void settingTheSameThresholdsAgainChangesNothing() {
        fixture.given(new PolicyChanged("15", 2024, INNER_MONGOLIA_2024, "自治区2024年监测收入基准"))
                .when(SetPolicyCommand.of("15", 2024, INNER_MONGOLIA_2024, "重复提交"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCountyRaisingItsLineIsAnotherChange() {
        PolicyThresholds raised = thresholds("8600.00");
        fixture.given(new PolicyChanged("150724", 2024, INNER_MONGOLIA_2024, "沿用自治区基准"))
                .when(SetPolicyCommand.of("150724", 2024, raised, "旗里提高监测范围"))
                .expectEvents(new PolicyChanged("150724", 2024, raised, "旗里提高监测范围"));
    }

    @Test
    void theNationalBaselineHasTheSameIdAsItsPublishedSubject() {
        PolicyChanged national = new PolicyChanged("", 2023, thresholds("7500.00"), "国家基准");
        fixture.givenNoPriorActivity()
                .when(SetPolicyCommand.of("", 2023, national.thresholds(), "国家基准"))
                .expectEvents(national);
        assertThat(Policy.idOf("", 2023)).isEqualTo(national.subject());
    }

    private static PolicyThresholds thresholds(String line) {
        return PolicyThresholds.of(new BigDecimal(line), new BigDecimal("5000.00"), new BigDecimal("10000.00"),
                new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6, 15, 6);
    }
}
