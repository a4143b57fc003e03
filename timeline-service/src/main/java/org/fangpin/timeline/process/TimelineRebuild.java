package org.fangpin.timeline.process;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.fangpin.contracts.Topics;
import org.fangpin.timeline.query.HouseholdStatusProjection;

/**
 * Drops the timeline and every projection derived from it and records them again from the beginning of the three
 * topics (which keep their events for good: retention -1). The recorders are stopped while the tables are emptied,
 * so no event is recorded twice or lost; the event ids the recorders check for redeliveries are the entries' own, so
 * they are emptied with them.
 * <p>
 * While the recorders catch up they record entries only: a household's events arrive from three topics read at
 * different speeds, so a status kept up to date on the way would be replayed again and again. Once they have read
 * every partition up to where it ended when the rebuild started, they are paused, every household's status is
 * derived once, in one pass over the entries, and they resume; events that arrived meanwhile wait in the topics.
 */
@Component
public class TimelineRebuild {

    private static final Logger log = LoggerFactory.getLogger(TimelineRebuild.class);
    private static final List<String> TOPICS = List.of(Topics.IDENTIFICATION_PERSONAL, Topics.MONITORING, Topics.ASSISTANCE);
    private static final long ADMIN_TIMEOUT_SECONDS = 30;
    private static final Duration PAUSE_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafka;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final HouseholdStatusProjection statuses;
    /** Decodes and replays stored entries while the deriving thread reads the next ones and writes statuses. */
    private final ExecutorService replayer = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "timeline-rebuild-replayer"));
    /**
     * Whether a rebuild may be in progress, so that neither the recorders nor the check ask the database or the
     * broker while none is: set when one starts, and at startup, in case one was interrupted.
     */
    private volatile boolean rebuilding = true;
    /** Reads the recorders' committed offsets while a rebuild catches up. */
    private AdminClient offsets;

    TimelineRebuild(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafka, JdbcClient jdbc,
                    TransactionTemplate transactions, HouseholdStatusProjection statuses) {
        this.listeners = listeners;
        this.kafka = kafka;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.statuses = statuses;
    }

    @PreDestroy
    synchronized void stop() {
        replayer.shutdownNow();
        closeOffsets();
    }

    /** Starts the rebuild; the recorders catch up in the background, as fast as the topics can be read. */
    public synchronized void start() {
        MessageListenerContainer container = listeners.getListenerContainer(TimelineRecorder.CONSUMER);
        log.info("timeline rebuild requested: stopping the recorders");
        container.stop();
        try (AdminClient admin = AdminClient.create(kafka.getConfigurationProperties())) {
            Map<TopicPartition, Long> ends = endOffsets(admin);
            transactions.executeWithoutResult(status -> {
                jdbc.sql("TRUNCATE timeline_entry, household_status, timeline_rebuild, timeline_rebuild_end "
                        + "RESTART IDENTITY").update();
                jdbc.sql("INSERT INTO timeline_rebuild DEFAULT VALUES").update();
                ends.forEach((partition, end) -> jdbc.sql("""
                                INSERT INTO timeline_rebuild_end (topic, partition, end_offset)
                                VALUES (:topic, :partition, :end)""")
                        .param("topic", partition.topic()).param("partition", partition.partition())
                        .param("end", end).update());
            });
            forgetCommittedOffsets(admin, container.getGroupId(), ends.keySet());
            log.info("timeline rebuild started: {} events to record again from {} partitions",
                    ends.values().stream().mapToLong(Long::longValue).sum(), ends.size());
        }
        rebuilding = true;
        container.start();
    }

    /** Whether the recorders leave the statuses to the rebuild: from its start until every status is derived. */
    boolean statusesDeferred() {
        return rebuilding
                && jdbc.sql("SELECT EXISTS (SELECT 1 FROM timeline_rebuild)").query(Boolean.class).single();
    }

    /** Derives the statuses once the recorders have caught up with the topics; nothing to do when no rebuild runs. */
    @Scheduled(fixedDelay = 100)
    public synchronized void deriveStatusesWhenCaughtUp() {
        if (!rebuilding) {
            return;
        }
        if (!statusesDeferred()) {
            finished();
            return;
        }
        if (!caughtUp()) {
            return;
        }
        MessageListenerContainer container = listeners.getListenerContainer(TimelineRecorder.CONSUMER);
        container.pause();
        try {
            if (!pausedWithin(container, PAUSE_TIMEOUT)) {
                return;
            }
            log.info("timeline rebuild: the recorders have caught up and are paused; deriving the statuses");
            long started = System.nanoTime();
            transactions.executeWithoutResult(status -> {
                statuses.deriveAll(replayer);
                jdbc.sql("TRUNCATE timeline_rebuild, timeline_rebuild_end").update();
            });
            log.info("timeline rebuild finished: statuses derived in {} ms",
                    (System.nanoTime() - started) / 1_000_000);
            finished();
        } finally {
            container.resume();
        }
    }

    /** A recorder pauses once the poll it is recording is committed. */
    private static boolean pausedWithin(MessageListenerContainer container, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!container.isContainerPaused()) {
            if (System.nanoTime() > deadline) {
                log.warn("timeline rebuild: the recorders did not pause within {}; trying again", timeout);
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void finished() {
        rebuilding = false;
        closeOffsets();
    }

    private void closeOffsets() {
        if (offsets != null) {
            offsets.close();
            offsets = null;
        }
    }

    /** Whether the recorders' committed offsets have reached every partition's end as it was at the start. */
    private boolean caughtUp() {
        Map<TopicPartition, Long> ends = new HashMap<>();
        jdbc.sql("SELECT topic, partition, end_offset FROM timeline_rebuild_end")
                .query(rs -> {
                    ends.put(new TopicPartition(rs.getString("topic"), rs.getInt("partition")),
                            rs.getLong("end_offset"));
                });
        String group = listeners.getListenerContainer(TimelineRecorder.CONSUMER).getGroupId();
        if (offsets == null) {
            offsets = AdminClient.create(kafka.getConfigurationProperties());
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = offsets.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || committed.get(end.getKey()) != null
                    && committed.get(end.getKey()).offset() >= end.getValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the recorders' offsets in group " + group + " could not be read", e);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(AdminClient admin) {
        try {
            Set<TopicPartition> partitions = admin.describeTopics(TOPICS).allTopicNames()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .collect(Collectors.toSet());
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                    .all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return ends.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the topics' ends", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the topics' ends could not be read", e);
        }
    }

    /**
     * With every recorder stopped the consumer group is empty, so its committed offsets can be deleted: whichever
     * recorder is later assigned a partition starts at its beginning ({@code auto.offset.reset=earliest}), however
     * often the partitions move between recorders while they catch up.
     */
    private static void forgetCommittedOffsets(AdminClient admin, String group, Set<TopicPartition> partitions) {
        try {
            admin.deleteConsumerGroupOffsets(group, partitions).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting the recorders' offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the recorders' offsets in group " + group + " could not be reset", e);
        }
    }
}
