package org.fangpin.testsupport;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.fangpin.contracts.EventCatalog;
import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.envelope.EventEnvelope;

/** Envelopes as another service would publish them, for tests of consumers. */
public final class Envelopes {

    private static final EnvelopeCodec CODEC = new EnvelopeCodec();

    private Envelopes() {
    }

    /** A fresh envelope (new event id, now) for a published event, caused by the given actor. */
    public static EventEnvelope of(PublishedEvent event, ActorRef actor, String correlationId) {
        EventCatalog.Entry entry = EventCatalog.forClass(event.getClass())
                .orElseThrow(() -> new IllegalArgumentException(event.getClass() + " is not a published event"));
        return new EventEnvelope(UUID.randomUUID().toString(), "/fangpin/" + entry.service(), entry.type(),
                event.subject(), OffsetDateTime.now(ZoneOffset.UTC), event.regionCode(), actor, correlationId,
                event, null);
    }

    public static byte[] encode(EventEnvelope envelope) {
        return CODEC.encode(envelope);
    }

    public static EventEnvelope decode(byte[] bytes) {
        return CODEC.decode(bytes);
    }
}
