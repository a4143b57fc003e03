package org.fangpin.timeline.process;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * so no event is recorded twice or lost, and the inbox forgets what it had seen, so every event counts again.
 * <p>
 * While the recorders catch up they record entries only: a household's events arrive from three topics read at
 * different speeds, so a status kept up to date on the way would be replayed again and again. Once the recorders
 * have read every partition up to where it ended when the rebuild started, each household's status is derived once
 * from its entries, in short transactions of {@value #HOUSEHOLDS_PER_DERIVATION} households in key order; the
 * households derived so far ({@code derived_until}) are kept up to date as usual from then on.
 */
@Component
public class TimelineRebuild {

    private static final Logger log = LoggerFactory.getLogger(TimelineRebuild.class);
    private static final List<String> TOPICS = List.of(Topics.IDENTIFICATION, Topics.MONITORING, Topics.ASSISTANCE);
    private static final long ADMIN_TIMEOUT_SECONDS = 30;
    private static final int HOUSEHOLDS_PER_DERIVATION = 2_000;

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafka;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final HouseholdStatusProjection statuses;
    /** Replays half of each batch of households beside the deriving thread. */
    private final ExecutorService derivationHelper = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "timeline-rebuild-helper"));

    TimelineRebuild(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafka, JdbcClient jdbc,
                    TransactionTemplate transactions, HouseholdStatusProjection statuses) {
        this.listeners = listeners;
        this.kafka = kafka;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.statuses = statuses;
    }

    @PreDestroy
    void stopHelper() {
        derivationHelper.shutdownNow();
    }

    /** Starts the rebuild; the recorders catch up in the background, as fast as the topics can be read. */
    public synchronized void start() {
        MessageListenerContainer container = listeners.getListenerContainer(TimelineRecorder.CONSUMER);
        container.stop();
        try (AdminClient admin = AdminClient.create(kafka.getConfigurationProperties())) {
            Map<TopicPartition, Long> ends = endOffsets(admin);
            transactions.executeWithoutResult(status -> {
                jdbc.sql("TRUNCATE timeline_entry, household_status, timeline_rebuild, timeline_rebuild_end "
                        + "RESTART IDENTITY").update();
                jdbc.sql("DELETE FROM processed_event WHERE consumer = :consumer")
                        .param("consumer", TimelineRecorder.CONSUMER).update();
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
        container.start();
    }

    /**
     * The households among these whose status waits for the rebuild to derive it: none when no rebuild runs.
     * Called in the recorder's transaction; the share lock keeps a derivation from passing these households until
     * that transaction's entries are committed.
     */
    Set<String> statusDeferred(Collection<String> households) {
        return Set.copyOf(jdbc.sql("""
                        SELECT household.id FROM timeline_rebuild AS rebuild,
                                                 unnest(CAST(:ids AS VARCHAR[])) AS household(id)
                        WHERE rebuild.derived_until IS NULL OR household.id > rebuild.derived_until
                        FOR SHARE OF rebuild""")
                .param("ids", households.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    /** Derives the statuses once the recorders have caught up with the topics; nothing to do when no rebuild runs. */
    @Scheduled(fixedDelay = 250)
    public synchronized void deriveStatusesWhenCaughtUp() {
        if (!rebuilding() || !caughtUp()) {
            return;
        }
        log.info("timeline rebuild: the recorders have caught up; deriving the households' statuses");
        long started = System.nanoTime();
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transactions.execute(status -> deriveNextHouseholds()));
        }
        log.info("timeline rebuild finished: statuses derived in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private boolean rebuilding() {
        return jdbc.sql("SELECT count(*) FROM timeline_rebuild").query(Long.class).single() > 0;
    }

    /** Derives the next households after {@code derived_until}; ends the rebuild when there are none left. */
    private boolean deriveNextHouseholds() {
        Optional<String> derivedUntil = jdbc.sql(
                        "SELECT coalesce(derived_until, '') FROM timeline_rebuild FOR UPDATE")
                .query(String.class).optional();
        if (derivedUntil.isEmpty()) {
            return false;
        }
        List<String> next = jdbc.sql("""
                        SELECT DISTINCT household_id FROM timeline_entry WHERE household_id > :after
                        ORDER BY household_id LIMIT :limit""")
                .param("after", derivedUntil.get()).param("limit", HOUSEHOLDS_PER_DERIVATION)
                .query(String.class).list();
        if (next.isEmpty()) {
            jdbc.sql("TRUNCATE timeline_rebuild, timeline_rebuild_end").update();
            return false;
        }
        statuses.derive(next, derivationHelper);
        jdbc.sql("UPDATE timeline_rebuild SET derived_until = :until")
                .param("until", next.get(next.size() - 1)).update();
        return true;
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
        try (AdminClient admin = AdminClient.create(kafka.getConfigurationProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
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
