package org.fangpin.platform.axon;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.fangpin.platform.web.PlatformTestApplication;
import org.fangpin.testsupport.WithRealInfrastructure;

@SpringBootTest(classes = PlatformTestApplication.class,
        properties = {"fangpin.service=platform-test", "fangpin.publishing.enabled=false"})
@WithRealInfrastructure
class ConcurrentAppendIT {

    @Autowired
    EventStore events;

    @Test
    void theSecondOfTwoAppendsAtTheSameSequenceIsAConcurrencyConflictNotAnInternalError() {
        String household = UUID.randomUUID().toString();
        append(household, 0, "开始监测");
        append(household, 1, "入户走访");

        assertThatThrownBy(() -> append(household, 1, "电话核实")).isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void theSecondOfTwoCreationsOfTheSameAggregateIsRefusedAsSuch() {
        String household = UUID.randomUUID().toString();
        append(household, 0, "开始监测");

        assertThatThrownBy(() -> append(household, 0, "开始监测")).isInstanceOf(AggregateStreamCreationException.class);
    }

    /** As a command that loaded the household at its previous event would append its next one. */
    private void append(String household, long sequence, String event) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> events.publish(
                new GenericDomainEventMessage<>("MonitoredHousehold", household, sequence, event)));
    }
}
