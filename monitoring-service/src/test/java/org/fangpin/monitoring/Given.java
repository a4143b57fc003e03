package org.fangpin.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.kafka.core.KafkaTemplate;

import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.Topics;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.MemberAdded;
import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.Health;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.Relation;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.testsupport.Envelopes;

/** Other services' events as they arrive on Kafka, for the integration tests of this service. */
public final class Given {

    private static final ActorRef COUNTY = new ActorRef("u-county", "其其格", "COUNTY_APPROVER", "150724");

    private final KafkaTemplate<String, byte[]> kafka;

    public Given(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /** A valid GB 11643 number from its first 17 digits. */
    public static String idNumber(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** The Ewenki banner's policy of 2024: monitoring line 8,300 yuan, the lines of piece 7, due on the 25th. */
    public void policy2024() {
        send(Topics.IDENTIFICATION, new PolicyChanged("150724", 2024, PolicyThresholds.of(new BigDecimal("8300.00"),
                new BigDecimal("5000.00"), new BigDecimal("10000.00"), new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6,
                15, 6), "2024年内蒙古监测收入标准"));
    }

    public void registered(String householdId, String village, String headName, String headIdNumber) {
        send(Topics.IDENTIFICATION_PERSONAL, new HouseholdRegistered(householdId, village, 2, headName, headIdNumber,
                HouseholdCategory.POVERTY_ALLEVIATED, 3));
    }

    public void memberAdded(String householdId, String village, String memberId, String name, String idNumber) {
        send(Topics.IDENTIFICATION_PERSONAL, new MemberAdded(householdId, village, memberId, name, idNumber, Relation.CHILD,
                LocalDate.of(2010, 5, 1), LabourCapacity.NONE, Health.HEALTHY, "BIRTH", LocalDate.of(2010, 5, 1)));
    }

    public void identified(String householdId, String village, ObjectType objectType) {
        send(Topics.IDENTIFICATION, new HouseholdIdentified(householdId, village, "lead-" + householdId, objectType,
                List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, new BigDecimal("7100.00"),
                new BigDecimal("8300.00"), LocalDate.of(2024, 7, 2)));
    }

    public void send(String topic, PublishedEvent event) {
        kafka.send(topic, event.subject(), Envelopes.encode(Envelopes.of(event, COUNTY, "corr-" + event.subject())));
    }
}
