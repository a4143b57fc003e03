package org.fangpin.assistance.command;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.fangpin.contracts.assistance.AssistanceCaseOpened;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;

class AssistanceCaseTest {

    private static final LocalDate JULY_2 = LocalDate.of(2024, 7, 2);
    private static final OpenAssistanceCaseCommand OPEN = new OpenAssistanceCaseCommand("hh-1", "150724213203",
            ObjectType.SUDDEN_HARDSHIP, List.of(RiskType.ACCIDENT), LabourCapacity.NONE, JULY_2);
    private static final AssistanceCaseOpened OPENED = new AssistanceCaseOpened("hh-1", "150724213203",
            ObjectType.SUDDEN_HARDSHIP, List.of(RiskType.ACCIDENT), LabourCapacity.NONE, JULY_2);

    private FixtureConfiguration<AssistanceCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AssistanceCase.class);
    }

    @Test
    void anIdentifiedHouseholdGetsAnAssistanceCaseWithItsRisksAndLabourCapacity() {
        fixture.givenNoPriorActivity().when(OPEN).expectEvents(OPENED);
    }

    @Test
    void openingAnOpenCaseAgainChangesNothing() {
        fixture.given(OPENED).when(OPEN).expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
