package org.fangpin.monitoring.command;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.fangpin.contracts.monitoring.MonitoringStarted;
import org.fangpin.contracts.value.ObjectType;

class MonitoredHouseholdTest {

    private static final LocalDate JULY_2 = LocalDate.of(2024, 7, 2);
    private static final StartMonitoringCommand START =
            new StartMonitoringCommand("hh-1", "150724213202", ObjectType.UNSTABLE_ALLEVIATED, JULY_2);

    private FixtureConfiguration<MonitoredHousehold> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MonitoredHousehold.class);
    }

    @Test
    void anIdentifiedHouseholdComesUnderMonitoring() {
        fixture.givenNoPriorActivity()
                .when(START)
                .expectEvents(new MonitoringStarted("hh-1", "150724213202", ObjectType.UNSTABLE_ALLEVIATED, JULY_2));
    }

    @Test
    void startingMonitoringOfAMonitoredHouseholdChangesNothing() {
        fixture.given(new MonitoringStarted("hh-1", "150724213202", ObjectType.UNSTABLE_ALLEVIATED, JULY_2))
                .when(START)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
