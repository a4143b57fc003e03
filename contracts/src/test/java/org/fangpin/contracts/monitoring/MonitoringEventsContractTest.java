package org.fangpin.contracts.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.value.AreaHazardType;
import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.ColourGrade;
import org.fangpin.contracts.value.ContactMethod;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.contracts.value.WarningLevel;

class MonitoringEventsContractTest {

    private static final String HOUSEHOLD = "hh-0001";
    private static final String VILLAGE = "150724213201";
    private static final LocalDate AUGUST_15 = LocalDate.of(2024, 8, 15);

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void everyNewMonitoringEventSurvivesTheEnvelope() {
        List<PublishedEvent> events = List.of(
                new MonthlyMonitoringRecorded(HOUSEHOLD, VILLAGE, YearMonth.of(2024, 8), new BigDecimal("7600.00"),
                        List.of(Guarantee.HOUSING_SAFETY), true, ContactMethod.PHONE, "户主在外务工",
                        Map.of(RigidExpenditure.MEDICAL, new BigDecimal("6200.00")), true, "冰雹", AUGUST_15),
                new MonthlyMonitoringRecorded(HOUSEHOLD, VILLAGE, YearMonth.of(2024, 8), new BigDecimal("9100.00"),
                        List.of(), false, ContactMethod.HOME_VISIT, null, Map.of(), false, null, AUGUST_15,
                        LabourCapacity.NONE, true, WarningLevel.II_YELLOW, "INCOME_ONLY_FROM_TRANSFERS"),
                new MissedMonitoringChecked("chk-1", "150724", AUGUST_15, List.of(YearMonth.of(2024, 7),
                        YearMonth.of(2024, 8)), 3),
                new MonthlyMonitoringMissed(HOUSEHOLD, VILLAGE, YearMonth.of(2024, 8), 25, LocalDate.of(2024, 8, 26)),
                new ColourGradeChanged(HOUSEHOLD, VILLAGE, null, ColourGrade.RED, "存在Ⅰ级（红色）预警", AUGUST_15),
                new LookBackMonitoringStarted(HOUSEHOLD, VILLAGE, AUGUST_15),
                new RegularMonitoringResumed(HOUSEHOLD, VILLAGE, "收入再次低于监测收入标准", AUGUST_15),
                new AreaHazardDeclared("hz-1", "150724213", List.of(VILLAGE, "150724213202"),
                        AreaHazardType.DISASTER, "暴雪灾害", AUGUST_15),
                new ImmediateVisitRequested(HOUSEHOLD, VILLAGE, "hz-1", AreaHazardType.DISASTER, AUGUST_15),
                new MonitoringClosed(HOUSEHOLD, VILLAGE, ClosureReason.STABLE_AFTER_LOOK_BACK,
                        "风险消除后回头看连续十二个月收入稳定", AUGUST_15),
                new MonitoringClosed(HOUSEHOLD, VILLAGE, ClosureReason.MOVED_AWAY, "全户迁出本县", AUGUST_15,
                        "县级终止监测纸质决定，系统补录"),
                new DepartmentLeadRaised(HOUSEHOLD, VILLAGE, "batch-1", "CIVIL_AFFAIRS", "MINIMUM_LIVING_ALLOWANCE",
                        null, null, AUGUST_15, "民政数据：纳入低保"));

        for (PublishedEvent event : events) {
            EventEnvelope received = codec.decode(codec.encode(envelope(event)));

            assertThat(received.data()).isEqualTo(event);
            assertThat(received.type()).isEqualTo("fangpin.monitoring." + event.getClass().getSimpleName() + ".v1");
        }
        assertThat(new AreaHazardDeclared("hz-1", "150724213", List.of(VILLAGE), AreaHazardType.DISASTER, "暴雪",
                AUGUST_15).subject()).isEqualTo("hazard:hz-1");
        assertThat(new MissedMonitoringChecked("chk-1", "150724", AUGUST_15, List.of(), 0).subject())
                .isEqualTo("missed-check:chk-1");
    }

    @Test
    void aMonthlyRecordPublishedBeforeItsDetailsWereAddedIsStillRead() {
        String published = """
                {"specversion":"1.0","id":"e-7","source":"/fangpin/monitoring",
                 "type":"fangpin.monitoring.MonthlyMonitoringRecorded.v1","subject":"hh-0001",
                 "time":"2024-08-15T02:30:00Z","datacontenttype":"application/json","regioncode":"150724213201",
                 "data":{"householdId":"hh-0001","regionCode":"150724213201","month":"2024-08",
                         "perCapitaNetIncome":7600.00,"guaranteeGaps":["DRINKING_WATER"],"correction":false}}""";

        MonthlyMonitoringRecorded recorded = (MonthlyMonitoringRecorded)
                codec.decode(published.getBytes(StandardCharsets.UTF_8)).data();

        assertThat(recorded.month()).isEqualTo(YearMonth.of(2024, 8));
        assertThat(recorded.perCapitaNetIncome()).isEqualByComparingTo("7600.00");
        assertThat(recorded.guaranteeGaps()).containsExactly(Guarantee.DRINKING_WATER);
        assertThat(recorded.contactMethod()).isNull();
        assertThat(recorded.recordedOn()).isNull();
        assertThat(recorded.labourCapacity()).isNull();
        assertThat(recorded.incomeOnlyFromTransfers()).isFalse();
        assertThat(recorded.findingLevel()).isNull();
        assertThat(recorded.findingRule()).isNull();
    }

    @Test
    void aDepartmentLeadPublishedBeforeItsReasonExistedIsStillRead() {
        String published = """
                {"specversion":"1.0","id":"e-8","source":"/fangpin/monitoring",
                 "type":"fangpin.monitoring.DepartmentLeadRaised.v1","subject":"hh-0001",
                 "time":"2024-08-15T02:30:00Z","datacontenttype":"application/json","regioncode":"150724213201",
                 "data":{"householdId":"hh-0001","regionCode":"150724213201","batchId":"batch-1",
                         "department":"MEDICAL_INSURANCE","indicator":"MEDICAL_SELF_PAID","observedValue":12500.00,
                         "threshold":5000.00,"reportedOn":"2024-08-15"}}""";

        DepartmentLeadRaised raised = (DepartmentLeadRaised) codec.decode(published.getBytes(StandardCharsets.UTF_8))
                .data();

        assertThat(raised.observedValue()).isEqualByComparingTo("12500.00");
        assertThat(raised.reason()).isNull();
    }

    private static EventEnvelope envelope(PublishedEvent event) {
        return new EventEnvelope("e-1", "/fangpin/monitoring",
                "fangpin.monitoring." + event.getClass().getSimpleName() + ".v1", event.subject(),
                OffsetDateTime.of(2024, 8, 15, 2, 30, 0, 0, ZoneOffset.UTC), event.regionCode(),
                new ActorRef("u-7", "乌云", "VILLAGE_OFFICER", VILLAGE), "corr-1", event, null);
    }
}
