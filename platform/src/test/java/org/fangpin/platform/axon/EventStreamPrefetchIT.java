package org.fangpin.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.fangpin.platform.web.PlatformTestApplication;
import org.fangpin.testsupport.WithRealInfrastructure;

@SpringBootTest(classes = PlatformTestApplication.class,
        properties = {"fangpin.service=platform-test", "fangpin.publishing.enabled=false"})
@WithRealInfrastructure
class EventStreamPrefetchIT {

    @Autowired
    EventStore events;
    @Autowired
    EventStreamPrefetch prefetch;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TransactionManager axonTransactions;
    @Autowired
    JdbcClient jdbc;

    /** A household's visits as an aggregate that only remembers them. */
    static class Visits {

        @AggregateIdentifier
        private String householdId;
        private final List<String> seen = new ArrayList<>();

        @EventSourcingHandler
        void on(String visit, DomainEventMessage<?> message) {
            householdId = message.getAggregateIdentifier();
            seen.add(visit);
        }
    }

    @Test
    void aPrefetchedStreamHoldsTheStoredEventsInOrderAndIsUsedOnce() {
        String first = household("开始监测", "入户走访", "电话核实");
        String second = household("开始监测");
        String unknown = UUID.randomUUID().toString();

        transactions.executeWithoutResult(status -> {
            prefetch.prefetch(List.of(first, second, unknown, first));

            assertThat(payloads(prefetch.take(first))).containsExactly("开始监测", "入户走访", "电话核实");
            assertThat(prefetch.take(first)).isNull();
            assertThat(payloads(prefetch.take(second))).containsExactly("开始监测");
            assertThat(prefetch.take(unknown).hasNext()).isFalse();
            assertThat(prefetch.take(UUID.randomUUID().toString())).isNull();
        });
    }

    @Test
    void streamsBelongToTheirTransactionAndNeedOne() {
        String household = household("开始监测");
        transactions.executeWithoutResult(status -> prefetch.prefetch(List.of(household)));

        transactions.executeWithoutResult(status -> assertThat(prefetch.take(household)).isNull());
        assertThatThrownBy(() -> prefetch.prefetch(List.of(household))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theRepositoryLoadsAnAggregateFromItsPrefetchedStreamAndOtherwiseFromTheStore() {
        String prefetched = household("开始监测", "入户走访");
        String notPrefetched = household("开始监测", "电话核实");
        EventSourcingRepository<Visits> repository = prefetch.repository(
                EventSourcingRepository.builder(Visits.class).eventStore(events));

        UnitOfWork<?> unitOfWork = transactionalUnitOfWork();
        try {
            prefetch.prefetch(List.of(prefetched));
            // From here on the store no longer holds the prefetched household's events: what loads them is the
            // prefetched stream.
            jdbc.sql("DELETE FROM domainevententry WHERE aggregateidentifier = :id").param("id", prefetched).update();

            List<String> fromPrefetch = repository.load(prefetched).invoke(visits -> visits.seen);
            List<String> fromStore = repository.load(notPrefetched).invoke(visits -> visits.seen);

            assertThat(fromPrefetch).containsExactly("开始监测", "入户走访");
            assertThat(fromStore).containsExactly("开始监测", "电话核实");
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void aHouseholdWithoutEventsIsNotFoundAsWithoutPrefetch() {
        EventSourcingRepository<Visits> repository = prefetch.repository(
                EventSourcingRepository.builder(Visits.class).eventStore(events));
        String unknown = UUID.randomUUID().toString();

        UnitOfWork<?> unitOfWork = transactionalUnitOfWork();
        try {
            prefetch.prefetch(List.of(unknown));
            assertThatThrownBy(() -> repository.load(unknown)).isInstanceOf(AggregateNotFoundException.class);
        } finally {
            unitOfWork.rollback();
        }
    }

    private UnitOfWork<?> transactionalUnitOfWork() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(axonTransactions);
        return unitOfWork;
    }

    private String household(String... visits) {
        String household = UUID.randomUUID().toString();
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            for (int sequence = 0; sequence < visits.length; sequence++) {
                events.publish(new GenericDomainEventMessage<>("Visits", household, sequence, visits[sequence]));
            }
        });
        return household;
    }

    private static List<Object> payloads(DomainEventStream stream) {
        List<Object> payloads = new ArrayList<>();
        stream.forEachRemaining(event -> payloads.add(event.getPayload()));
        return payloads;
    }
}
