package org.fangpin.platform.publishing;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;

import org.fangpin.contracts.EventCatalog;
import org.fangpin.contracts.PersonalData;
import org.fangpin.contracts.PersonalDataFields;
import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.envelope.ImportProvenance;
import org.fangpin.contracts.envelope.SourceLink;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.ActorDispatchInterceptor;
import org.fangpin.platform.actor.Provenance;
import org.fangpin.platform.evidence.EventStoreChain;
import org.fangpin.platform.tracing.EventTracing;

/**
 * The outbox by construction: a tracking event processor over the service's own event store that sends every
 * published event to its topic as a CloudEvents envelope (the Kafka protocol binding's structured mode, ADR 0040),
 * keyed by its subject (the household id for household events), with the event's place in the store's hash chain
 * ({@link SourceLink}). A service whose events carry {@link PersonalData} sends them without it to its topic and in
 * full to its personal topic, in the same order, which only the consumers that need the data may read (Kafka ACLs).
 * <p>
 * Sends are asynchronous within a batch; the batch's token is stored only after Kafka acknowledged every send of
 * the batch, so a crash or a broker outage leads to a resend (at least once), never to a lost event.
 * <p>
 * Each publication is a span in the trace of the work that recorded the event ({@link EventTracing}), lasting until
 * Kafka acknowledged it; the records carry its context as {@code traceparent} in their headers and in the envelope.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "Publisher_Kafka";
    private static final String PENDING_SENDS = KafkaEventPublisher.class.getName() + ".pending";
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private static final EventFormat STRUCTURED = new JsonFormat();

    private final KafkaTemplate<String, byte[]> kafka;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final String service;
    private final Optional<String> personalTopic;
    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final EventStoreChain chain;
    private final EventTracing tracing;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, String service, MeterRegistry meters,
                               EventStoreChain chain, EventTracing tracing) {
        this.kafka = kafka;
        this.chain = chain;
        this.tracing = tracing;
        this.service = service;
        this.personalTopic = EventCatalog.personalTopic(service);
        this.meters = meters;
    }

    @EventHandler
    @DisallowReplay
    public void publish(PublishedEvent event, EventMessage<?> message) {
        EventCatalog.Entry entry = EventCatalog.forClass(event.getClass())
                .filter(published -> published.service().equals(service))
                .orElse(null);
        if (entry == null) {
            return; // an event internal to this service
        }
        EventEnvelope envelope = new EventEnvelope(message.getIdentifier(), "/fangpin/" + service, entry.type(),
                event.subject(), message.getTimestamp().atOffset(ZoneOffset.UTC), event.regionCode(),
                Actor.fromMetaData(message.getMetaData()).map(Actor::toRef).orElse(null),
                (String) message.getMetaData().get(ActorDispatchInterceptor.CORRELATION_ID), event, null,
                link(message), imported(message));
        Span span = tracing.startPublication(message, entry.topic(), entry.type());
        EventEnvelope traced = envelope.withTrace(tracing.envelopeContext(span));
        List<CompletableFuture<?>> sends = new ArrayList<>(2);
        sends.add(kafka.send(record(entry.topic(), traced.withData(PersonalDataFields.withheld(event)), span))
                .thenRun(() -> counter(entry).increment()));
        personalTopic.ifPresent(topic -> sends.add(kafka.send(record(topic, traced, span))));
        CompletableFuture<Void> acknowledged = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        acknowledged.whenComplete((done, failure) -> {
            if (failure != null) {
                span.error(failure);
            }
            span.end();
        });
        pendingSends().add(acknowledged);
    }

    /**
     * The CloudEvents Kafka protocol binding in structured mode, by the SDK's writer: the envelope's JSON as the
     * value and {@code content-type: application/cloudevents+json} as a header, keyed by the event's subject; and
     * the publication's trace context as headers.
     */
    private ProducerRecord<String, byte[]> record(String topic, EventEnvelope envelope, Span publication) {
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(topic, envelope.subject())
                .setEvent(STRUCTURED, codec.encode(envelope));
        tracing.inject(publication, record.headers());
        return record;
    }

    /** The file and line of an imported event (ADR 0035), from its metadata; {@code null} for one recorded live. */
    private static ImportProvenance imported(EventMessage<?> message) {
        Object source = message.getMetaData().get(Provenance.IMPORT_SOURCE);
        Object row = message.getMetaData().get(Provenance.IMPORT_ROW);
        if (source == null && row == null) {
            return null;
        }
        return new ImportProvenance(source == null ? null : source.toString(),
                row instanceof Number number ? Long.valueOf(number.longValue())
                        : row == null ? null : Long.valueOf(row.toString()));
    }

    /** The event's place in the store's hash chain (ADR 0028), which readers keep beside their copy (ADR 0029). */
    private SourceLink link(EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> stored)) {
            return null;
        }
        return chain.storedLink(message.getIdentifier())
                .map(hash -> new SourceLink(stored.getAggregateIdentifier(), stored.getSequenceNumber(),
                        HexFormat.of().formatHex(hash)))
                .orElse(null);
    }

    private Counter counter(EventCatalog.Entry entry) {
        return counters.computeIfAbsent(entry.type(), type -> Counter.builder("fangpin.events.published")
                .description("Events sent to Kafka and acknowledged by the broker")
                .tag("topic", entry.topic()).tag("type", type)
                .register(meters));
    }

    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAcknowledgements(pending));
            return pending;
        });
    }

    private static void awaitAcknowledgements(List<CompletableFuture<?>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge a batch of events; it will be sent again", e);
        }
    }
}
