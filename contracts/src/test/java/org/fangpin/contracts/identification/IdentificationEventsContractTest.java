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
import org.fangpin.contracts.value.RigidExpenditure;

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

    private PublishedEvent roundTrip(PublishedEvent event) {
        EventCatalog.Entry entry = EventCatalog.forClass(event.getClass()).orElseThrow();
        EventEnvelope envelope = new EventEnvelope("e-1", "/fangpin/identification", entry.type(), event.subject(),
                OffsetDateTime.now(ZoneOffset.UTC), event.regionCode(), null, null, event, null);
        return codec.decode(codec.encode(envelope)).data();
    }

    private PublishedEvent decode(String name, String data) {
        String envelope = """
                {"specversion":"1.0","id":"e-1","source":"/fangpin/identification",
                 "type":"fangpin.identification.%s.v1","subject":"hh-1","time":"2024-06-05T02:00:00Z",
                 "datacontenttype":"application/json","regioncode":"150724213201","data":%s}"""
                .formatted(name, data);
        return codec.decode(envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8)).data();
    }
}
