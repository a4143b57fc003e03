package org.fangpin.assistance.query;

import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.platform.consuming.EventInbox;

/**
 * Keeps monitoring's monthly records (动态监测) that elimination is judged on: month, per-capita net income and the
 * guarantees not secure. A correction replaces its month; events of one household arrive in order (keyed by it).
 */
@Component
class MonthlyRecordReplica {

    static final String CONSUMER = "ReadModel_MonthlyRecords";

    private final EventInbox inbox;
    private final JdbcClient jdbc;

    MonthlyRecordReplica(EventInbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.MONITORING)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, envelope -> {
            if (envelope.data() instanceof MonthlyMonitoringRecorded recorded) {
                jdbc.sql("""
                                INSERT INTO monthly_record (household_id, month, per_capita_net_income, guarantee_gaps)
                                VALUES (:id, :month, :income, :gaps)
                                ON CONFLICT (household_id, month) DO UPDATE
                                SET per_capita_net_income = EXCLUDED.per_capita_net_income,
                                    guarantee_gaps = EXCLUDED.guarantee_gaps""")
                        .param("id", recorded.householdId())
                        .param("month", recorded.month().atDay(1))
                        .param("income", recorded.perCapitaNetIncome())
                        .param("gaps", recorded.guaranteeGaps() == null ? "" : recorded.guaranteeGaps().stream()
                                .map(Enum::name).collect(Collectors.joining(",")))
                        .update();
            }
        });
    }
}
