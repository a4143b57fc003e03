package org.fangpin.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.assistance.AssistanceCaseOpened;
import org.fangpin.contracts.assistance.MeasureAdded;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.envelope.SourceLink;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.HouseholdVerified;
import org.fangpin.contracts.monitoring.MonitoringStarted;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.WithRealInfrastructure;
import org.fangpin.timeline.query.TimelineQueries;

/**
 * The timeline depends on the events alone (ADR 0029): the same events recorded from two different interleavings of
 * the three topics (same-millisecond events of three services, one service's events arriving after all the others')
 * give every household the same entries, in the same order, with the same sequence numbers, chains and hashes.
 */
@SpringBootTest
@WithRealInfrastructure
class TimelineOrderIT {

    private static final String VILLAGE = "150724213204";
    private static final ActorRef CADRE = new ActorRef("u-101", "包银花", "VILLAGE_OFFICER", VILLAGE);
    private static final ActorRef SYSTEM = new ActorRef("system", "system", "SYSTEM", "");

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TimelineQueries queries;

    @Test
    void twoInterleavingsOfTheTopicsGiveTheSameTimelinesEntryForEntry() {
        List<String> households = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        List<EventEnvelope> events = new ArrayList<>();
        households.forEach(household -> events.addAll(story(household)));

        // as the services published them: every household's identification first, then monitoring, then assistance
        record(events.stream().sorted(Comparator.comparing(EventEnvelope::source).reversed()).toList(),
                events.size());
        Map<String, List<String>> first = snapshot(households);
        assertThat(queries.timeline(households.get(0), null)).hasSize(8);

        String live = jdbc.sql("SELECT schema_name FROM timeline_version WHERE state = 'LIVE'").query(String.class)
                .single();
        jdbc.sql("TRUNCATE %1$s.timeline_entry, %1$s.household_status".formatted(live)).update();
        // assistance first, households in reverse, and the first household's identification events last of all
        List<EventEnvelope> second = new ArrayList<>(events.stream()
                .sorted(Comparator.comparing(EventEnvelope::source)
                        .thenComparing(EventEnvelope::subject, Comparator.reverseOrder()))
                .toList());
        List<EventEnvelope> late = second.stream().filter(envelope -> envelope.subject().equals(households.get(0))
                && envelope.source().endsWith("identification")).toList();
        second.removeAll(late);
        second.addAll(late);
        record(second, events.size());

        assertThat(snapshot(households)).isEqualTo(first);
    }

    /**
     * A household identified, whose monitoring and assistance started in the same millisecond, each of its events
     * with its link in its source's chain.
     */
    private static List<EventEnvelope> story(String h) {
        OffsetDateTime identified = OffsetDateTime.parse("2024-03-15T11:00:00+08:00");
        return List.of(
                envelope(new HouseholdRegistered(h, VILLAGE, 3, "娜仁", "15072419780312002" + IdNumber.checkCharacter("15072419780312002"),
                        HouseholdCategory.POVERTY_ALLEVIATED, 4), CADRE, "2024-03-01T09:00:00+08:00", 0),
                envelope(new HouseholdVerified(h, VILLAGE, "lead-" + h, new BigDecimal("7600.00"),
                        LabourCapacity.PARTIAL, "包银花", true, LocalDate.of(2024, 3, 8)), CADRE,
                        "2024-03-08T15:00:00+08:00", 2),
                envelope(new HouseholdIdentified(h, VILLAGE, "lead-" + h, ObjectType.MARGINAL_VULNERABLE,
                        List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, new BigDecimal("7600.00"),
                        new BigDecimal("8300.00"), LocalDate.of(2024, 3, 15)), CADRE, identified.toString(), 5),
                envelope(new MonitoringStarted(h, VILLAGE, ObjectType.MARGINAL_VULNERABLE, LocalDate.of(2024, 3, 15)),
                        SYSTEM, identified.toString(), 0),
                envelope(new AssistanceCaseOpened(h, VILLAGE, ObjectType.MARGINAL_VULNERABLE,
                        List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, LocalDate.of(2024, 3, 15)), SYSTEM,
                        identified.toString(), 0),
                envelope(new MonthlyMonitoringRecorded(h, VILLAGE, java.time.YearMonth.of(2024, 4),
                        new BigDecimal("6900.00"), List.of(), false), CADRE, "2024-04-10T16:00:00+08:00", 1),
                envelope(new MeasureAdded(h, VILLAGE, "m-" + h, MeasureType.MEDICAL_AID, "大病医疗救助",
                        List.of(RiskType.ILLNESS), "医保局", "其其格", LocalDate.of(2024, 6, 30),
                        LocalDate.of(2024, 4, 10)), CADRE, "2024-04-10T16:00:00+08:00", 1),
                envelope(new MonthlyMonitoringRecorded(h, VILLAGE, java.time.YearMonth.of(2024, 5),
                        new BigDecimal("7100.00"), List.of(), false), CADRE, "2024-05-10T16:00:00+08:00", 2));
    }

    private static EventEnvelope envelope(PublishedEvent event, ActorRef actor, String at, long sequence) {
        EventEnvelope fresh = Envelopes.of(event, actor, UUID.randomUUID().toString());
        byte[] link = new byte[32];
        link[0] = (byte) sequence;
        link[1] = (byte) fresh.id().hashCode();
        return new EventEnvelope(fresh.id(), fresh.source(), fresh.type(), fresh.subject(),
                OffsetDateTime.parse(at), fresh.regionCode(), actor, fresh.correlationId(), event, null,
                new SourceLink(event.subject(), sequence, HexFormat.of().formatHex(link)));
    }

    /** Sends the events in the order given (each topic keeps it per household) and waits until all are recorded. */
    private void record(List<EventEnvelope> envelopes, int expected) {
        CompletableFuture.allOf(envelopes.stream()
                .map(envelope -> TopicsRead.send(kafka, envelope.type(), envelope.subject(),
                        Envelopes.encode(envelope)))
                .toArray(CompletableFuture[]::new)).join();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM timeline_entry")
                .query(Long.class).single() == expected);
    }

    /** Every household's timeline as read, and every stored entry's chain, index and hashes. */
    private Map<String, List<String>> snapshot(List<String> households) {
        Map<String, List<String>> snapshot = new HashMap<>();
        for (String household : households) {
            List<String> entries = new ArrayList<>();
            queries.timeline(household, null).forEach(entry -> entries.add(entry.toString()));
            entries.addAll(jdbc.sql("""
                            SELECT concat_ws('|', event_id, source, chain_index, encode(prev_hash, 'hex'),
                                             encode(hash, 'hex'), source_sequence, encode(source_hash, 'hex'))
                            FROM timeline_entry WHERE household_id = :id ORDER BY event_id""")
                    .param("id", household).query(String.class).list());
            entries.add("head " + HexFormat.of().formatHex(queries.head(household).orElseThrow().hash()));
            snapshot.put(household, entries);
        }
        return snapshot;
    }
}
