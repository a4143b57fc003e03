package org.fangpin.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.envelope.ImportProvenance;
import org.fangpin.contracts.envelope.TraceContext;
import org.fangpin.contracts.envelope.MalformedEnvelopeException;
import org.fangpin.contracts.envelope.SourceLink;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;

class EnvelopeCodecTest {

    private static final HouseholdIdentified IDENTIFIED = new HouseholdIdentified(
            "hh-0001", "150724213201", "lead-0001", ObjectType.MARGINAL_VULNERABLE,
            List.of(RiskType.ILLNESS, RiskType.EDUCATION), LabourCapacity.PARTIAL,
            new BigDecimal("7200.00"), new BigDecimal("8300.00"), LocalDate.of(2024, 6, 14));

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void anEnvelopeSurvivesTheRoundTripWithItsActorAndRegion() {
        EventEnvelope sent = envelope(IDENTIFIED);

        EventEnvelope received = codec.decode(codec.encode(sent));

        assertThat(received.data()).isEqualTo(IDENTIFIED);
        assertThat(received.type()).isEqualTo("fangpin.identification.HouseholdIdentified.v1");
        assertThat(received.subject()).isEqualTo("hh-0001");
        assertThat(received.regionCode()).isEqualTo("150724213201");
        assertThat(received.actor()).isEqualTo(new ActorRef("u-42", "乌云", "COUNTY_APPROVER", "150724"));
        assertThat(received.correlationId()).isEqualTo("corr-1");
        assertThat(received.time()).isEqualTo(sent.time());
    }

    @Test
    void householdIdentifiedV1KeepsItsPublishedShape() throws IOException {
        JsonNode published = EnvelopeCodec.mapper().readTree(codec.encode(envelope(IDENTIFIED)));

        assertThat(published).isEqualTo(EnvelopeCodec.mapper().readTree(resource("HouseholdIdentified.v1.json")));
    }

    @Test
    void aReaderKeepsTheRawDataOfATypeItDoesNotKnow() {
        EventEnvelope newer = new EventEnvelope("e-2", "/fangpin/identification", "fangpin.identification.Future.v9",
                "hh-0001", OffsetDateTime.now(ZoneOffset.UTC), "150724213201", null, null, null,
                EnvelopeCodec.mapper().createObjectNode().put("householdId", "hh-0001"));

        EventEnvelope received = codec.decode(codec.encode(newer));

        assertThat(received.isKnown()).isFalse();
        assertThat(received.rawData().get("householdId").asText()).isEqualTo("hh-0001");
    }

    @Test
    void theEventsPlaceInItsSourcesChainTravelsAsExtensionsAndIsAbsentFromOlderEnvelopes() throws IOException {
        SourceLink link = new SourceLink("hh-0001", 7, "9f".repeat(32));
        byte[] encoded = codec.encode(envelope(IDENTIFIED).withLink(link));

        assertThat(codec.decode(encoded).link()).isEqualTo(link);
        JsonNode published = EnvelopeCodec.mapper().readTree(encoded);
        assertThat(published.get("sourcesequence").asText()).isEqualTo("7");
        assertThat(published.get("sourcehash").asText()).isEqualTo("9f".repeat(32));
        assertThat(codec.decode(codec.encode(envelope(IDENTIFIED))).link()).isNull();
    }

    @Test
    void anImportedEventsFileAndLineTravelAsOptionalExtensions() throws IOException {
        ImportProvenance imported = new ImportProvenance("鄂温克旗存量户.csv", 12L);
        byte[] encoded = codec.encode(envelope(IDENTIFIED).withImport(imported));

        assertThat(codec.decode(encoded).imported()).isEqualTo(imported);
        JsonNode published = EnvelopeCodec.mapper().readTree(encoded);
        assertThat(published.get("importsource").asText()).isEqualTo("鄂温克旗存量户.csv");
        assertThat(published.get("importrow").asText()).isEqualTo("12");
        assertThat(codec.decode(codec.encode(envelope(IDENTIFIED))).imported()).isNull();
        assertThat(EnvelopeCodec.mapper().readTree(codec.encode(envelope(IDENTIFIED))).has("importsource")).isFalse();
        assertThat(codec.decode(codec.encode(envelope(IDENTIFIED).withImport(imported).withData(IDENTIFIED)))
                .imported()).isEqualTo(imported);
    }

    @Test
    void theTraceOfTheCausingWorkTravelsAsTheDistributedTracingExtension() throws IOException {
        TraceContext trace = new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "fangpin=1");
        byte[] encoded = codec.encode(envelope(IDENTIFIED).withTrace(trace));

        assertThat(codec.decode(encoded).trace()).isEqualTo(trace);
        JsonNode published = EnvelopeCodec.mapper().readTree(encoded);
        assertThat(published.get("traceparent").asText()).isEqualTo(trace.traceparent());
        assertThat(published.get("tracestate").asText()).isEqualTo("fangpin=1");
        assertThat(codec.decode(codec.encode(envelope(IDENTIFIED).withTrace(trace).withData(IDENTIFIED))).trace())
                .isEqualTo(trace);
    }

    @Test
    void anEnvelopeWithoutTraceContextIsReadAsBefore() throws IOException {
        byte[] encoded = codec.encode(envelope(IDENTIFIED));

        assertThat(EnvelopeCodec.mapper().readTree(encoded).has("traceparent")).isFalse();
        assertThat(codec.decode(encoded).trace()).isNull();
    }

    @Test
    void anEnvelopeWhoseImportRowIsNoNumberIsRefused() {
        byte[] encoded = codec.encode(envelope(IDENTIFIED).withImport(new ImportProvenance("a.csv", 3L)));
        byte[] forged = new String(encoded, StandardCharsets.UTF_8).replace("\"importrow\":\"3\"",
                "\"importrow\":\"third\"").getBytes(StandardCharsets.UTF_8);

        assertThat(forged).isNotEqualTo(encoded);
        assertThatThrownBy(() -> codec.decode(forged)).isInstanceOf(MalformedEnvelopeException.class);
    }

    @Test
    void anEnvelopeWhoseSubjectIsAnotherHouseholdIsRefused() {
        EventEnvelope forged = new EventEnvelope("e-3", "/fangpin/identification",
                "fangpin.identification.HouseholdIdentified.v1", "hh-9999", OffsetDateTime.now(ZoneOffset.UTC),
                "150724213201", null, null, IDENTIFIED, null);

        assertThatThrownBy(() -> codec.decode(codec.encode(forged))).isInstanceOf(MalformedEnvelopeException.class);
    }

    @Test
    void bytesThatAreNoEnvelopeAreRefused() {
        assertThatThrownBy(() -> codec.decode("{\"hello\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEnvelopeException.class);
    }

    @Test
    void everyCatalogTypeIsNamedAfterItsServiceAndVersion() {
        assertThat(EventCatalog.entries()).allSatisfy(entry -> {
            assertThat(entry.type()).matches("fangpin\\.(identification|monitoring|assistance)\\.[A-Z]\\w+\\.v\\d+");
            assertThat(entry.topic()).isIn(Topics.IDENTIFICATION, Topics.MONITORING, Topics.ASSISTANCE);
            assertThat(EventCatalog.forType(entry.type())).contains(entry);
        });
    }

    private static EventEnvelope envelope(HouseholdEvent data) {
        return new EventEnvelope("e-1", "/fangpin/identification",
                EventCatalog.forClass(data.getClass()).orElseThrow().type(), data.householdId(),
                OffsetDateTime.of(2024, 6, 14, 2, 30, 0, 0, ZoneOffset.UTC), data.regionCode(),
                new ActorRef("u-42", "乌云", "COUNTY_APPROVER", "150724"), "corr-1", data, null);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = EnvelopeCodecTest.class.getResourceAsStream("/contracts/" + name)) {
            return in.readAllBytes();
        }
    }
}
