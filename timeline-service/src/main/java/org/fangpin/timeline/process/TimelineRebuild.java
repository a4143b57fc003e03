package org.fangpin.timeline.process;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.fangpin.platform.web.RuleViolation;

/**
 * Drops the timeline and every projection derived from it and records them again from the beginning of the three
 * topics (which keep their events for good: retention -1). The recorder is stopped while its tables are emptied,
 * so no event is recorded twice or lost, and the inbox forgets what it had seen, so every event counts again.
 */
@Component
public class TimelineRebuild {

    private final KafkaListenerEndpointRegistry listeners;
    private final TimelineRecorder recorder;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    TimelineRebuild(KafkaListenerEndpointRegistry listeners, TimelineRecorder recorder, JdbcClient jdbc,
                    TransactionTemplate transactions) {
        this.listeners = listeners;
        this.recorder = recorder;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Starts the rebuild; the recorder catches up in the background, as fast as the topics can be read. Refused
     * (409) until the recorders have been assigned their partitions since the service started: only partitions they
     * have been assigned can be rewound.
     */
    public synchronized void start() {
        if (!recorder.reading()) {
            throw RuleViolation.conflict("REBUILD_NOT_READY");
        }
        MessageListenerContainer container = listeners.getListenerContainer(TimelineRecorder.CONSUMER);
        container.stop();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("TRUNCATE timeline_entry, household_status RESTART IDENTITY").update();
            jdbc.sql("DELETE FROM processed_event WHERE consumer = :consumer")
                    .param("consumer", TimelineRecorder.CONSUMER).update();
        });
        recorder.rewindOnNextAssignment();
        container.start();
    }
}
