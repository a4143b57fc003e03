package org.fangpin.monitoring.process;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.MemberAdded;
import org.fangpin.contracts.identification.MemberRemoved;
import org.fangpin.platform.consuming.EventInbox;

/**
 * This service's copy of the household registry: every registered household, monitored or not, with the ID
 * numbers of its members, so that department data can be screened against all of them (matched households that
 * are not monitored become department leads).
 */
@Component
class RegistryReplica {

    static final String CONSUMER = "ReadModel_Registry";

    private final EventInbox inbox;
    private final JdbcClient jdbc;

    RegistryReplica(EventInbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    /**
     * A poll's events in one transaction, in order, each once, as the timeline's recorders take theirs: a county's
     * go-live import sends its whole register at once.
     */
    @KafkaListener(id = CONSUMER, topics = Topics.IDENTIFICATION_PERSONAL, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.receiveAll(CONSUMER, records, envelopes -> envelopes.forEach(envelope -> {
            if (envelope.data() instanceof HouseholdRegistered registered) {
                registered(registered);
            } else if (envelope.data() instanceof MemberAdded added) {
                added(added);
            } else if (envelope.data() instanceof MemberRemoved removed) {
                removed(removed);
            }
        }));
    }

    private void registered(HouseholdRegistered event) {
        jdbc.sql("""
                        INSERT INTO registry_household (household_id, region_code, category)
                        VALUES (:id, :region, :category)
                        ON CONFLICT (household_id) DO UPDATE SET region_code = EXCLUDED.region_code,
                            category = EXCLUDED.category""")
                .param("id", event.householdId())
                .param("region", event.regionCode())
                .param("category", event.category() == null ? null : event.category().name())
                .update();
        member(event.householdId(), event.headIdNumber(), null);
    }

    private void added(MemberAdded event) {
        if (event.idNumber() != null) {
            member(event.householdId(), event.idNumber(), event.memberId());
        }
    }

    private void removed(MemberRemoved event) {
        jdbc.sql("DELETE FROM registry_member WHERE member_id = :memberId")
                .param("memberId", event.memberId())
                .update();
    }

    /** The head arrives with the registration and again as a member: one row, which learns its member id. */
    private void member(String householdId, String idNumber, String memberId) {
        jdbc.sql("""
                        INSERT INTO registry_member (household_id, id_number, member_id)
                        VALUES (:id, :idNumber, :memberId)
                        ON CONFLICT (household_id, id_number) DO UPDATE
                        SET member_id = COALESCE(EXCLUDED.member_id, registry_member.member_id)""")
                .param("id", householdId)
                .param("idNumber", idNumber.toUpperCase())
                .param("memberId", memberId)
                .update();
    }
}
