package org.fangpin.contracts.envelope;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.extensions.DistributedTracingExtension;
import io.cloudevents.core.provider.ExtensionProvider;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;

import org.fangpin.contracts.EventCatalog;
import org.fangpin.contracts.PublishedEvent;

/**
 * Turns envelopes into CloudEvents structured-mode JSON and back. Extensions carry what every reader needs without
 * opening the data: {@code regioncode}, {@code actor}, {@code actorname}, {@code actorrole}, {@code actorregion}
 * and {@code correlationid}; and the event's place in its service's hash-chained store: {@code sourceaggregate},
 * {@code sourcesequence} and {@code sourcehash} ({@link SourceLink}); for an imported event, the file and line it came
 * from: {@code importsource} and {@code importrow} ({@link ImportProvenance}, optional); the trace of the work that
 * caused it: the distributed-tracing extension's {@code traceparent} and {@code tracestate} ({@link TraceContext},
 * optional).
 */
public final class EnvelopeCodec {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // money keeps its scale (yuan with 2 decimals) through JSON trees
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /** The envelope reader shares the data mapper's settings, so the data tree keeps exact decimals. */
    private static final ObjectMapper ENVELOPE_MAPPER = MAPPER.copy()
            .registerModule(JsonFormat.getCloudEventJacksonModule());

    /** The mapper used for event data; exposed so that stores of raw event JSON read it the same way. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public byte[] encode(EventEnvelope envelope) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(envelope.id())
                .withSource(URI.create(envelope.source()))
                .withType(envelope.type())
                .withSubject(envelope.subject())
                .withTime(envelope.time())
                .withDataContentType("application/json")
                .withData(dataBytes(envelope));
        extension(builder, "regioncode", envelope.regionCode());
        extension(builder, "correlationid", envelope.correlationId());
        ActorRef actor = envelope.actor();
        if (actor != null) {
            extension(builder, "actor", actor.id());
            extension(builder, "actorname", actor.name());
            extension(builder, "actorrole", actor.role());
            extension(builder, "actorregion", actor.region());
        }
        SourceLink link = envelope.link();
        if (link != null) {
            extension(builder, "sourceaggregate", link.aggregateId());
            extension(builder, "sourcesequence", Long.toString(link.sequence()));
            extension(builder, "sourcehash", link.hash());
        }
        ImportProvenance imported = envelope.imported();
        if (imported != null) {
            extension(builder, "importsource", imported.source());
            extension(builder, "importrow", imported.row() == null ? null : Long.toString(imported.row()));
        }
        TraceContext trace = envelope.trace();
        if (trace != null) {
            DistributedTracingExtension tracing = new DistributedTracingExtension();
            tracing.setTraceparent(trace.traceparent());
            tracing.setTracestate(trace.tracestate());
            builder.withExtension(tracing);
        }
        try {
            return ENVELOPE_MAPPER.writeValueAsBytes(builder.build());
        } catch (IOException e) {
            throw new IllegalArgumentException("envelope " + envelope.id() + " cannot be written", e);
        }
    }

    public EventEnvelope decode(byte[] bytes) {
        CloudEvent event;
        try {
            event = ENVELOPE_MAPPER.readValue(bytes, CloudEvent.class);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEnvelopeException("not a CloudEvents JSON envelope: " + e.getMessage(), e);
        }
        if (event.getSubject() == null || event.getData() == null) {
            throw new MalformedEnvelopeException("envelope " + event.getId() + " has no subject or no data");
        }
        JsonNode raw = dataTree(event);
        PublishedEvent data = EventCatalog.forType(event.getType())
                .map(entry -> readData(event, raw, entry.eventClass()))
                .orElse(null);
        ActorRef actor = event.getExtension("actor") == null ? null : new ActorRef(
                text(event, "actor"), text(event, "actorname"), text(event, "actorrole"), text(event, "actorregion"));
        return new EventEnvelope(event.getId(), String.valueOf(event.getSource()), event.getType(),
                event.getSubject(), event.getTime() == null ? null : event.getTime().withOffsetSameInstant(ZoneOffset.UTC),
                text(event, "regioncode"), actor, text(event, "correlationid"), data, raw, link(event),
                imported(event), trace(event));
    }

    /** JSON data was parsed with the envelope (by the data mapper's settings); other data is parsed here. */
    private static JsonNode dataTree(CloudEvent event) {
        if (event.getData() instanceof JsonCloudEventData json) {
            return json.getNode();
        }
        try {
            return MAPPER.readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new MalformedEnvelopeException("data of " + event.getId() + " is not JSON", e);
        }
    }

    private static PublishedEvent readData(CloudEvent event, JsonNode raw, Class<? extends PublishedEvent> type) {
        try {
            PublishedEvent data = MAPPER.treeToValue(raw, type);
            if (!event.getSubject().equals(data.subject())) {
                throw new MalformedEnvelopeException(
                        "envelope " + event.getId() + " subject does not match the subject of its data");
            }
            return data;
        } catch (IOException e) {
            throw new MalformedEnvelopeException("data of " + event.getId() + " does not match " + event.getType(), e);
        }
    }

    private static byte[] dataBytes(EventEnvelope envelope) {
        try {
            return envelope.data() != null ? MAPPER.writeValueAsBytes(envelope.data())
                    : MAPPER.writeValueAsBytes(envelope.rawData());
        } catch (IOException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
    }

    private static void extension(CloudEventBuilder builder, String name, String value) {
        if (value != null) {
            builder.withExtension(name, value);
        }
    }

    private static SourceLink link(CloudEvent event) {
        String hash = text(event, "sourcehash");
        String sequence = text(event, "sourcesequence");
        if (hash == null || sequence == null) {
            return null;
        }
        if (!SHA256_HEX.matcher(hash).matches()) {
            throw new MalformedEnvelopeException("envelope " + event.getId() + " has a sourcehash that is not a "
                    + "SHA-256 in lowercase hex");
        }
        try {
            return new SourceLink(text(event, "sourceaggregate"), Long.parseLong(sequence), hash);
        } catch (NumberFormatException e) {
            throw new MalformedEnvelopeException("envelope " + event.getId() + " has a sourcesequence that is not a "
                    + "number", e);
        }
    }

    private static ImportProvenance imported(CloudEvent event) {
        String source = text(event, "importsource");
        String row = text(event, "importrow");
        if (source == null && row == null) {
            return null;
        }
        try {
            return new ImportProvenance(source, row == null ? null : Long.parseLong(row));
        } catch (NumberFormatException e) {
            throw new MalformedEnvelopeException("envelope " + event.getId() + " has an importrow that is not a "
                    + "number", e);
        }
    }

    private static TraceContext trace(CloudEvent event) {
        DistributedTracingExtension tracing = ExtensionProvider.getInstance()
                .parseExtension(DistributedTracingExtension.class, event);
        return tracing.getTraceparent() == null ? null
                : new TraceContext(tracing.getTraceparent(), tracing.getTracestate());
    }

    private static String text(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
