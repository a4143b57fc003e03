package org.fangpin.contracts.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.fangpin.contracts.EventCatalog;
import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.assistance.EliminationEvidence.MonthlyIncome;
import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.MeasureStatus;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.RiskType;

class AssistanceEventsContractTest {

    private static final EliminationEvidence EVIDENCE = new EliminationEvidence(LocalDate.of(2024, 12, 10),
            new BigDecimal("8300.00"), 6, List.of(new MonthlyIncome(YearMonth.of(2024, 12), new BigDecimal("9100.00")),
            new MonthlyIncome(YearMonth.of(2024, 11), new BigDecimal("9050.50"))), 7, 6, List.of(),
            List.of(MeasureType.EMPLOYMENT), List.of(RiskType.ILLNESS), List.of(MeasureType.EMPLOYMENT));

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void anEliminationKeepsItsEvidenceAndItsAmountsExactThroughTheRoundTrip() {
        RiskEliminated eliminated = new RiskEliminated("hh-1", "150724213201", List.of(RiskType.ILLNESS),
                LocalDate.of(2024, 12, 10), EVIDENCE);

        RiskEliminated read = (RiskEliminated) roundTrip(eliminated);

        assertThat(read).isEqualTo(eliminated);
        assertThat(read.evidence().recentIncome().get(1).perCapitaNetIncome()).isEqualTo(new BigDecimal("9050.50"));
    }

    @Test
    void anEliminationPublishedBeforeTheEvidenceExistedReadsWithoutIt() {
        String v1 = """
                {"householdId":"hh-1","regionCode":"150724213201","eliminatedRiskTypes":["ILLNESS"],
                 "eliminatedOn":"2024-12-10"}""";

        RiskEliminated read = (RiskEliminated) decode("RiskEliminated", v1);

        assertThat(read.evidence()).isNull();
        assertThat(read.eliminatedRiskTypes()).containsExactly(RiskType.ILLNESS);
    }

    @Test
    void evidenceRecordedBeforeCompletionWasJudgedReadsWithoutTheMeasuresCompleted() {
        String v1 = """
                {"householdId":"hh-1","regionCode":"150724213201","eliminatedRiskTypes":["ILLNESS"],
                 "eliminatedOn":"2024-12-10","evidence":{"assessedOn":"2024-12-10","monitoringLine":8300.00,
                 "stableIncomeMonths":6,"recentIncome":[],"monitoredMonths":7,"minimumMonitoredMonths":6,
                 "guaranteeGaps":[],"measuresCarriedOut":["EMPLOYMENT"],"riskTypesAddressed":["ILLNESS"]}}""";

        RiskEliminated read = (RiskEliminated) decode("RiskEliminated", v1);

        assertThat(read.evidence().measuresCarriedOut()).containsExactly(MeasureType.EMPLOYMENT);
        assertThat(read.evidence().measuresCompleted()).isNull();
    }

    @Test
    void aCaseClosedWithTheMonitoringKeepsTheCountysReasonAndDay() {
        AssistanceCaseClosed closed = new AssistanceCaseClosed("hh-1", "150724213201", ClosureReason.MOVED_AWAY,
                LocalDate.of(2025, 9, 1));

        assertThat(roundTrip(closed)).isEqualTo(closed);
        assertThat(EventCatalog.forClass(AssistanceCaseClosed.class).orElseThrow().type())
                .isEqualTo("fangpin.assistance.AssistanceCaseClosed.v1");
        assertThat(decode("AssistanceCaseClosed", """
                {"householdId":"hh-1","regionCode":"150724213201","reason":"HOUSEHOLD_DISSOLVED",
                 "closedOn":"2025-09-01"}""")).isEqualTo(new AssistanceCaseClosed("hh-1", "150724213201",
                ClosureReason.HOUSEHOLD_DISSOLVED, LocalDate.of(2025, 9, 1)));
    }

    @Test
    void stepsRecordedLateKeepTheirBusinessDateAndNoteAndThoseOfBeforeTheNoteReadWithout() {
        LocalDate day = LocalDate.of(2024, 12, 10);
        String note = "县级审定会议纸质决定，系统补录";
        List<PublishedEvent> dated = List.of(
                new RiskEliminationProposed("hh-1", "150724213201", EVIDENCE, day, note),
                new RiskEliminationVerified("hh-1", "150724213201", day, note),
                new RiskEliminated("hh-1", "150724213201", List.of(RiskType.ILLNESS), day, EVIDENCE, note),
                new RiskRollbackProposed("hh-1", "150724213201", "回头看发现收入回落", day, note),
                new RiskRollbackVerified("hh-1", "150724213201", day, note),
                new RiskRolledBack("hh-1", "150724213201", "回头看发现收入回落", day, note));

        for (PublishedEvent event : dated) {
            assertThat(roundTrip(event)).isEqualTo(event);
        }
        assertThat(decode("RiskRolledBack", """
                {"householdId":"hh-1","regionCode":"150724213201","reason":"收入回落","rolledBackOn":"2024-12-10"}"""))
                .isEqualTo(new RiskRolledBack("hh-1", "150724213201", "收入回落", day, null));
        assertThat(decode("RiskEliminationVerified", """
                {"householdId":"hh-1","regionCode":"150724213201","verifiedOn":"2024-12-10"}"""))
                .isEqualTo(new RiskEliminationVerified("hh-1", "150724213201", day));
    }

    @Test
    void measuresEnteredAfterwardsKeepTheirBusinessDateAndThoseOfBeforeReadAsOfTheDayRecorded() {
        LocalDate recorded = LocalDate.of(2025, 3, 1);
        LocalDate planned = LocalDate.of(2024, 4, 2);
        MeasureAdded added = new MeasureAdded("hh-1", "150724213201", "m-1", MeasureType.EMPLOYMENT, "护林员",
                List.of(RiskType.ILLNESS), "林草局", "包银花", null, recorded, planned);
        MeasureUpdated completed = new MeasureUpdated("hh-1", "150724213201", "m-1", MeasureStatus.COMPLETED, null,
                "年增收1.2万元", null, null, recorded, planned.plusMonths(6));

        assertThat(roundTrip(added)).isEqualTo(added);
        assertThat(roundTrip(completed)).isEqualTo(completed);
        MeasureAdded before = (MeasureAdded) decode("MeasureAdded", """
                {"householdId":"hh-1","regionCode":"150724213201","measureId":"m-1","measureType":"EMPLOYMENT",
                 "description":"护林员","riskTypes":["ILLNESS"],"department":"林草局","responsiblePerson":"包银花",
                 "addedOn":"2025-03-01"}""");
        assertThat(before.happenedOn()).isNull();
        assertThat(before.plannedOn()).isEqualTo(recorded);
        MeasureUpdated updatedBefore = (MeasureUpdated) decode("MeasureUpdated", """
                {"householdId":"hh-1","regionCode":"150724213201","measureId":"m-1","status":"IN_PROGRESS",
                 "updatedOn":"2025-03-01"}""");
        assertThat(updatedBefore.happenedOnOrRecorded()).isEqualTo(recorded);
    }

    @Test
    void everyAssistanceEventIsPublishedOnTheAssistanceTopicUnderItsOwnType() {
        assertThat(AssistanceEvents.PUBLISHED).allSatisfy(entry -> {
            assertThat(entry.topic()).isEqualTo("fangpin.assistance.v1");
            assertThat(entry.type()).isEqualTo("fangpin.assistance." + entry.eventClass().getSimpleName() + ".v1");
        });
        assertThat(AssistanceEvents.PUBLISHED).extracting(EventCatalog.Entry::eventClass)
                .contains(RiskEliminated.class, RiskRolledBack.class, NewRiskReported.class, MeasureAdded.class);
    }

    private PublishedEvent roundTrip(PublishedEvent event) {
        EventCatalog.Entry entry = EventCatalog.forClass(event.getClass()).orElseThrow();
        EventEnvelope envelope = new EventEnvelope("e-1", "/fangpin/assistance", entry.type(), event.subject(),
                OffsetDateTime.now(ZoneOffset.UTC), event.regionCode(), null, null, event, null);
        return codec.decode(codec.encode(envelope)).data();
    }

    private PublishedEvent decode(String event, String data) {
        String envelope = """
                {"specversion":"1.0","id":"e-1","source":"/fangpin/assistance","type":"fangpin.assistance.%s.v1",
                 "subject":"hh-1","datacontenttype":"application/json","data":%s}""".formatted(event, data);
        return codec.decode(envelope.getBytes(StandardCharsets.UTF_8)).data();
    }
}
