package org.fangpin.timeline.process;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.fangpin.contracts.Topics;

/**
 * Drops the timeline and every projection derived from it and records them again from the beginning of the three
 * topics (which keep their events for good: retention -1). The recorders are stopped while the tables are emptied,
 * so no event is recorded twice or lost, and the inbox forgets what it had seen, so every event counts again.
 */
@Component
public class TimelineRebuild {

    private static final List<String> TOPICS = List.of(Topics.IDENTIFICATION, Topics.MONITORING, Topics.ASSISTANCE);
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafka;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    TimelineRebuild(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafka, JdbcClient jdbc,
                    TransactionTemplate transactions) {
        this.listeners = listeners;
        this.kafka = kafka;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Starts the rebuild; the recorders catch up in the background, as fast as the topics can be read. */
    public synchronized void start() {
        MessageListenerContainer container = listeners.getListenerContainer(TimelineRecorder.CONSUMER);
        container.stop();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("TRUNCATE timeline_entry, household_status RESTART IDENTITY").update();
            jdbc.sql("DELETE FROM processed_event WHERE consumer = :consumer")
                    .param("consumer", TimelineRecorder.CONSUMER).update();
        });
        forgetCommittedOffsets(container.getGroupId());
        container.start();
    }

    /**
     * With every recorder stopped the consumer group is empty, so its committed offsets can be deleted: whichever
     * recorder is later assigned a partition starts at its beginning ({@code auto.offset.reset=earliest}), however
     * often the partitions move between recorders while they catch up.
     */
    private void forgetCommittedOffsets(String group) {
        try (AdminClient admin = AdminClient.create(kafka.getConfigurationProperties())) {
            Set<TopicPartition> partitions = admin.describeTopics(TOPICS).allTopicNames()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .collect(Collectors.toSet());
            admin.deleteConsumerGroupOffsets(group, partitions).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting the recorders' offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the recorders' offsets in group " + group + " could not be reset", e);
        }
    }
}
