package org.fangpin.contracts.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.fangpin.contracts.EventCatalog;
import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.value.CategoryFlag;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.LeadChannel;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.contracts.value.WarningGrades;
import org.fangpin.contracts.value.WarningLevel;

class IdentificationEventsContractTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void aVerificationWithExpendituresAndGapsSurvivesTheRoundTrip() {
        HouseholdVerified verified = new HouseholdVerified("hh-1", "150724213201", "lead-1", new BigDecimal("7200.00"),
                LabourCapacity.PARTIAL, "包银花", true, LocalDate.of(2024, 6, 5),
                Map.of(RigidExpenditure.MEDICAL, new BigDecimal("12500.00")), List.of(Guarantee.BASIC_MEDICAL));

        assertThat(roundTrip(verified)).isEqualTo(verified);
    }

    @Test
    void aVerificationPublishedBeforeExpendituresExistedReadsWithNoneOfThem() {
        String v1 = """
                {"householdId":"hh-1","regionCode":"150724213201","leadId":"lead-1","perCapitaNetIncome":7200.00,
                 "labourCapacity":"PARTIAL","collector":"包银花","householdConfirmed":true,"verifiedOn":"2024-06-05"}""";

        HouseholdVerified read = (HouseholdVerified) decode("HouseholdVerified", v1);

        assertThat(read.rigidExpenditures()).isEmpty();
        assertThat(read.guaranteeGaps()).isEmpty();
        assertThat(read.perCapitaNetIncome()).isEqualByComparingTo("7200.00");
    }

    @Test
    void aNoticeRecordedAfterTheFactSaysSoAndOnePublishedBeforeTheFlagReadsWithoutIt() {
        VillageEvaluationRecorded afterTheFact = new VillageEvaluationRecorded("hh-1", "150724213201", "lead-1",
                "评议同意纳入", LocalDate.of(2024, 6, 20), LocalDate.of(2024, 6, 6), LocalDate.of(2024, 6, 10), true);
        String v1 = """
                {"householdId":"hh-1","regionCode":"150724213201","leadId":"lead-1","opinion":"评议同意纳入",
                 "evaluatedOn":"2024-06-06","noticeFrom":"2024-06-06","noticeUntil":"2024-06-10"}""";

        VillageEvaluationRecorded read = (VillageEvaluationRecorded) decode("VillageEvaluationRecorded", v1);

        assertThat(roundTrip(afterTheFact)).isEqualTo(afterTheFact);
        assertThat(read.recordedAfterTheFact()).isNull();
        assertThat(read.noticeUntil()).isEqualTo(LocalDate.of(2024, 6, 10));
    }

    @Test
    void aRegistrationPublishedBeforeCategoryFlagsExistedReadsWithNone() {
        String v1 = """
                {"householdId":"hh-1","regionCode":"150724213201","villageGroup":3,"headName":"敖日格乐",
                 "headIdNumber":"150724197803120210","category":"GENERAL","memberCount":4}""";

        HouseholdRegistered read = (HouseholdRegistered) decode("HouseholdRegistered", v1);

        assertThat(read.categoryFlags()).isEmpty();
        assertThat(read.memberCount()).isEqualTo(4);
    }

    @Test
    void aRegistrationWithFlagsAndALeadWithDueDatesSurviveTheRoundTrip() {
        HouseholdRegistered registered = new HouseholdRegistered("hh-1", "150724213201", 3, "敖日格乐",
                "150724197803120210", HouseholdCategory.GENERAL, 4, List.of(CategoryFlag.MINIMUM_LIVING_ALLOWANCE));
        LeadReported reported = new LeadReported("hh-1", "150724213201", "lead-1", LeadChannel.SELF_REPORT, "自主申报",
                LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 10), LocalDate.of(2024, 6, 18));

        assertThat(roundTrip(registered)).isEqualTo(registered);
        assertThat(roundTrip(reported)).isEqualTo(reported);
    }

    @Test
    void aPolicyPublishedBeforeGradesAndNoticeDaysPerTypeExistedReadsWithTheSeedGrading() {
        String v1 = """
                {"regionCode":"15","year":2024,"reason":"内蒙古自治区 2024 年防止返贫监测收入基准（8300 元）",
                 "thresholds":{"monitoringLine":8300.00,"medicalExpenditureWarningLine":5000.00,
                 "disasterLossWarningLine":10000.00,"educationExpenditureWarningLine":8000.00,
                 "verificationDueWorkingDays":5,"identificationDueDays":15,"publicNoticeDays":5,
                 "monthlyMonitoringDueDay":25,"stableIncomeMonths":6,"minimumMonitoredMonths":6,
                 "warningResponseDays":15,"gradualExitMonths":6}}""";

        PolicyChanged read = (PolicyChanged) decode("PolicyChanged", "policy:15:2024", v1);

        assertThat(read.previous()).isNull();
        assertThat(read.thresholds().publicNoticeDays(ObjectType.MINIMUM_LIVING_ALLOWANCE)).isEqualTo(5);
        assertThat(read.thresholds().warningLevel(WarningGrades.INCOME_ONLY_FROM_TRANSFERS))
                .isEqualTo(WarningLevel.II_YELLOW);
        assertThat(read.thresholds().backdatingDaysWithoutNote()).isNull();
    }

    @Test
    void aCorrectionKeepsTheThresholdsItReplacedAndAPolicyItsOwnGradesAndNoticeDays() {
        PolicyThresholds before = thresholds(Map.of(), Map.of());
        PolicyThresholds after = thresholds(Map.of(ObjectType.MINIMUM_LIVING_ALLOWANCE, 7),
                Map.of(WarningGrades.UNSTABLE_EMPLOYMENT, WarningLevel.II_YELLOW));
        PolicyCorrected corrected = new PolicyCorrected("150724", 2024, after, before, "旗乡村振兴局更正：低保对象公示 7 天");

        PolicyCorrected read = (PolicyCorrected) roundTrip(corrected);

        assertThat(read).isEqualTo(corrected);
        assertThat(read.subject()).isEqualTo("policy:150724:2024");
        assertThat(read.thresholds().publicNoticeDays(ObjectType.MINIMUM_LIVING_ALLOWANCE)).isEqualTo(7);
        assertThat(read.thresholds().publicNoticeDays(ObjectType.MARGINAL_VULNERABLE)).isEqualTo(5);
        assertThat(read.thresholds().warningLevel(WarningGrades.UNSTABLE_EMPLOYMENT)).isEqualTo(WarningLevel.II_YELLOW);
        assertThat(read.thresholds().warningLevel(WarningGrades.LABOUR_CAPACITY_LOST)).isEqualTo(WarningLevel.I_RED);
    }

    private static PolicyThresholds thresholds(Map<ObjectType, Integer> noticeDays, Map<String, WarningLevel> grades) {
        return new PolicyThresholds(new BigDecimal("8300.00"), new BigDecimal("5000.00"), new BigDecimal("10000.00"),
                new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6, 15, 6, noticeDays, grades, 30);
    }

    private PublishedEvent roundTrip(PublishedEvent event) {
        EventCatalog.Entry entry = EventCatalog.forClass(event.getClass()).orElseThrow();
        EventEnvelope envelope = new EventEnvelope("e-1", "/fangpin/identification", entry.type(), event.subject(),
                OffsetDateTime.now(ZoneOffset.UTC), event.regionCode(), null, null, event, null);
        return codec.decode(codec.encode(envelope)).data();
    }

    private PublishedEvent decode(String name, String data) {
        return decode(name, "hh-1", data);
    }

    private PublishedEvent decode(String name, String subject, String data) {
        String envelope = """
                {"specversion":"1.0","id":"e-1","source":"/fangpin/identification",
                 "type":"fangpin.identification.%s.v1","subject":"%s","time":"2024-06-05T02:00:00Z",
                 "datacontenttype":"application/json","regioncode":"150724213201","data":%s}"""
                .formatted(name, subject, data);
        return codec.decode(envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8)).data();
    }
}
