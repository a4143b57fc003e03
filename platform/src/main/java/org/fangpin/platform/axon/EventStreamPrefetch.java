package org.fangpin.platform.axon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads the event streams of many aggregates with one query, for commands that are about to load them one after
 * the other in one transaction: a village officer's month for a hundred households, a chunk of department hits.
 * Loading them one by one costs two queries each (the snapshot, then the events), most of the time of such a
 * command.
 * <p>
 * The streams are kept with the transaction, and a repository made by {@link #repository} uses each one once, for
 * the first load of its aggregate; a later load in the same transaction, and any load outside one, reads the event
 * store as before. Snapshots are not consulted: a whole stream replays to the same state. A stream is read before
 * its aggregate is locked, so an event appended in between (by another request for the same household) makes the
 * command's own append collide with it on the event store's unique key: the command fails as a concurrent change,
 * as it would when two replicas raced, and nothing is written.
 */
public class EventStreamPrefetch {

    private static final int IDS_PER_QUERY = 1_000;

    private final JdbcClient jdbc;
    private final Serializer eventSerializer;
    private final Supplier<EventUpcaster> upcasters;

    public EventStreamPrefetch(JdbcClient jdbc, Serializer eventSerializer, Supplier<EventUpcaster> upcasters) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
        this.upcasters = upcasters;
    }

    /**
     * Reads the streams of these aggregates, within and for the transaction that is active.
     *
     * @throws IllegalStateException when no transaction is active: the streams would have nothing to belong to
     */
    public void prefetch(Collection<String> aggregateIdentifiers) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("event streams are prefetched for a transaction, and none is active");
        }
        Map<String, List<DomainEventData<?>>> streams = streams();
        List<String> ids = aggregateIdentifiers.stream().distinct().filter(id -> !streams.containsKey(id)).toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            part.forEach(id -> streams.put(id, new ArrayList<>()));
            // One array parameter, not one per id: the generic plan PostgreSQL keeps for a statement that is run
            // often then still reads the index, where a hundred parameters made it scan the whole table.
            jdbc.sql("""
                            SELECT type, aggregateidentifier, sequencenumber, eventidentifier, timestamp, payloadtype,
                                   payloadrevision, payload, metadata
                            FROM domainevententry
                            WHERE aggregateidentifier = ANY(:ids)
                            ORDER BY aggregateidentifier, sequencenumber""")
                    .param("ids", part.toArray(String[]::new))
                    .query((row, number) -> new GenericDomainEventEntry<>(row.getString(1), row.getString(2),
                            row.getLong(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                            row.getBytes(8), row.getBytes(9)))
                    .list()
                    .forEach(event -> streams.get(event.getAggregateIdentifier()).add(event));
        }
    }

    /** A repository of this aggregate that loads from the prefetched streams first. */
    public <T> EventSourcingRepository<T> repository(EventSourcingRepository.Builder<T> builder) {
        return new PrefetchingRepository<>(builder, this);
    }

    /** The prefetched stream of this aggregate, taken so that it is used once; null when none was prefetched. */
    DomainEventStream take(String aggregateIdentifier) {
        Map<String, List<DomainEventData<?>>> streams = bound();
        List<DomainEventData<?>> events = streams == null ? null : streams.remove(aggregateIdentifier);
        return events == null ? null
                : EventStreamUtils.upcastAndDeserializeDomainEvents(events.stream(), eventSerializer, upcasters.get());
    }

    /** The streams of the active transaction, bound to it on first use and unbound when it ends. */
    private Map<String, List<DomainEventData<?>>> streams() {
        Map<String, List<DomainEventData<?>>> streams = bound();
        if (streams != null) {
            return streams;
        }
        Map<String, List<DomainEventData<?>>> created = new HashMap<>();
        TransactionSynchronizationManager.bindResource(this, created);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(EventStreamPrefetch.this);
            }
        });
        return created;
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<DomainEventData<?>>> bound() {
        return (Map<String, List<DomainEventData<?>>>) TransactionSynchronizationManager.getResource(this);
    }

    private static final class PrefetchingRepository<T> extends EventSourcingRepository<T> {

        private final EventStreamPrefetch prefetch;

        private PrefetchingRepository(EventSourcingRepository.Builder<T> builder, EventStreamPrefetch prefetch) {
            super(builder);
            this.prefetch = prefetch;
        }

        @Override
        protected DomainEventStream readEvents(String aggregateIdentifier) {
            DomainEventStream prefetched = prefetch.take(aggregateIdentifier);
            return prefetched != null ? prefetched : super.readEvents(aggregateIdentifier);
        }
    }
}
