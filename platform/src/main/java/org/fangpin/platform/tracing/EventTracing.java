package org.fangpin.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Headers;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;

import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.envelope.TraceContext;

/**
 * Carries a trace across the event store and Kafka, where no request does: the W3C trace context of the work that
 * records an event goes into the event's metadata ({@link TraceContextCorrelationDataProvider}); its publication is a
 * span in that trace, which puts its own context on the Kafka record (headers and the envelope's distributed-tracing
 * extension); each consumer's handling is a span continuing from the envelope. An event without trace context
 * (recorded before tracing, or while it was off) starts a trace of its own.
 */
public class EventTracing {

    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    private static final Propagator.Getter<Map<String, ?>> FROM_MAP = (carrier, key) -> {
        Object value = carrier.get(key);
        return value == null ? null : value.toString();
    };
    private static final Propagator.Getter<TraceContext> FROM_ENVELOPE = (carrier, key) -> carrier == null ? null
            : TRACEPARENT.equals(key) ? carrier.traceparent()
            : TRACESTATE.equals(key) ? carrier.tracestate() : null;
    private static final Propagator.Setter<Headers> TO_HEADERS = (headers, key, value) ->
            headers.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8));

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Tracing switched off: no spans, nothing carried. */
    public static EventTracing off() {
        return new EventTracing(Tracer.NOOP, Propagator.NOOP);
    }

    /** The current span's context as its propagation fields ({@code traceparent}, ...); empty without a span. */
    public Map<String, String> currentContext() {
        Span current = tracer.currentSpan();
        return current == null ? Map.of() : fields(current);
    }

    /** Of a message's metadata, the trace context's fields. */
    public Map<String, Object> contextIn(MetaData metaData) {
        Map<String, Object> context = new HashMap<>();
        propagator.fields().forEach(field -> {
            Object value = metaData.get(field);
            if (value != null) {
                context.put(field, value);
            }
        });
        return context;
    }

    /** Starts the span of an event's publication, in the trace whose context the event's metadata holds. */
    public Span startPublication(EventMessage<?> message, String topic, String type) {
        return propagator.extract(message.getMetaData(), FROM_MAP)
                .name("publish " + topic)
                .kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka")
                .tag("messaging.operation.type", "send")
                .tag("messaging.destination.name", topic)
                .tag("messaging.message.id", message.getIdentifier())
                .tag("cloudevents.event_type", type)
                .start();
    }

    /** The span's context as the envelope carries it; {@code null} when tracing is off. */
    public TraceContext envelopeContext(Span span) {
        Map<String, String> fields = fields(span);
        return fields.get(TRACEPARENT) == null ? null
                : new TraceContext(fields.get(TRACEPARENT), fields.get(TRACESTATE));
    }

    /** Puts the span's context on a Kafka record's headers, for tools that read the trace from there. */
    public void inject(Span span, Headers headers) {
        propagator.inject(span.context(), headers, TO_HEADERS);
    }

    /**
     * Runs a consumer's handling of one received event as a span continuing the event's trace, current while the
     * work runs, so that its log lines and the events of the commands it sends are in that trace.
     */
    public <T> T handling(String consumer, String topic, EventEnvelope envelope, Supplier<T> work) {
        Span span = startHandling(consumer, topic, envelope);
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error failure) {
            span.error(failure);
            throw failure;
        } finally {
            span.end();
        }
    }

    /** Runs a consumer's handling of a poll's events in one piece of work: one span per event, in its own trace. */
    public <T> T handlingAll(String consumer, List<String> topics, List<EventEnvelope> envelopes, Supplier<T> work) {
        List<Span> spans = new ArrayList<>(envelopes.size());
        for (int i = 0; i < envelopes.size(); i++) {
            spans.add(startHandling(consumer, topics.get(i), envelopes.get(i)));
        }
        try {
            return work.get();
        } catch (RuntimeException | Error failure) {
            spans.forEach(span -> span.error(failure));
            throw failure;
        } finally {
            spans.forEach(Span::end);
        }
    }

    private Span startHandling(String consumer, String topic, EventEnvelope envelope) {
        return propagator.extract(envelope.trace(), FROM_ENVELOPE)
                .name("process " + topic)
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka")
                .tag("messaging.operation.type", "process")
                .tag("messaging.destination.name", topic)
                .tag("messaging.message.id", envelope.id())
                .tag("cloudevents.event_type", envelope.type())
                .tag("fangpin.consumer", consumer)
                .start();
    }

    private Map<String, String> fields(Span span) {
        Map<String, String> fields = new HashMap<>();
        propagator.inject(span.context(), fields, Map::put);
        return fields;
    }
}
