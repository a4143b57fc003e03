package org.fangpin.timeline.process;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.actor.Role;
import org.fangpin.platform.admin.AdminActions;
import org.fangpin.platform.web.RuleViolation;
import org.fangpin.timeline.process.TimelineVersions.State;
import org.fangpin.timeline.process.TimelineVersions.Version;
import org.fangpin.timeline.query.HouseholdStatusProjection;

/**
 * Rebuilds the timeline without downtime (ADR 0039): a new version of the projection is recorded beside the live
 * one, in its own schema and by its own consumer group from the beginning of the three topics (which keep their
 * events for good: retention -1), while readers keep reading the live one. Then, one step per check, on whichever
 * replica gets there first:
 * <ol>
 * <li>once the new version's recorders have read every partition up to where it ended when the rebuild started,
 * every household's status is derived once, in one pass over its entries (its recorders wait meanwhile; the live
 * version's do not);</li>
 * <li>once they have read at least as far as the live version's, the public views are switched to it in one
 * transaction, and the rebuild is recorded done in the name of the admin who asked;</li>
 * <li>once the old version's consumer group has no member left, its schema and consumer group are dropped.</li>
 * </ol>
 */
@Component
public class TimelineRebuild {

    public static final String REBUILD = "TIMELINE_REBUILD";
    public static final String IN_PROGRESS = "TIMELINE_REBUILD_IN_PROGRESS";

    private static final Logger log = LoggerFactory.getLogger(TimelineRebuild.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final KafkaAdmin kafka;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final HouseholdStatusProjection statuses;
    private final TimelineVersions versions;
    private final TimelineRecorders recorders;
    private final AdminActions actions;
    /** Decodes and replays stored entries while the deriving thread reads the next ones and writes statuses. */
    private final ExecutorService replayer = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "timeline-rebuild-replayer"));
    /** Reads the consumer groups' offsets while a rebuild runs; closed when none does. */
    private AdminClient admin;

    TimelineRebuild(KafkaAdmin kafka, JdbcClient jdbc, TransactionTemplate transactions,
                    HouseholdStatusProjection statuses, TimelineVersions versions, TimelineRecorders recorders,
                    AdminActions actions) {
        this.kafka = kafka;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.statuses = statuses;
        this.versions = versions;
        this.recorders = recorders;
        this.actions = actions;
    }

    @PreDestroy
    synchronized void stop() {
        replayer.shutdownNow();
        closeAdmin();
    }

    /** Refuses while a version is being built: one rebuild at a time. */
    public void requireNoneInProgress() {
        if (versions.current().stream().anyMatch(version -> version.state() == State.BUILDING
                || version.state() == State.READY)) {
            throw RuleViolation.conflict(IN_PROGRESS);
        }
    }

    /**
     * Starts recording a new version beside the live one, as the current request's actor asked.
     *
     * @return the new version's number
     */
    public synchronized int start() {
        Actor requester = RequestContext.requireActor();
        Map<TopicPartition, Long> ends = endOffsets(admin());
        Integer number = transactions.execute(status -> {
            Version live = versions.live().orElseThrow(() -> new IllegalStateException("no live timeline version"));
            int next = jdbc.sql("SELECT max(version) + 1 FROM timeline_version").query(Integer.class).single();
            String schema = "timeline_v" + next;
            jdbc.sql("SELECT timeline_create_version(:schema, :live)::text")
                    .param("schema", schema).param("live", live.schema()).query(String.class).single();
            jdbc.sql("""
                            INSERT INTO timeline_version (version, schema_name, consumer_group, state, requested_by)
                            VALUES (:version, :schema, :group, 'BUILDING', CAST(:requester AS jsonb))""")
                    .param("version", next).param("schema", schema)
                    .param("group", "timeline." + TimelineRecorder.CONSUMER + "_v" + next)
                    .param("requester", JSON.createObjectNode().put("id", requester.id())
                            .put("name", requester.name()).put("role", requester.role().name())
                            .put("region", requester.region())
                            .put("correlationId", RequestContext.currentCorrelationId().orElse(null)).toString())
                    .update();
            ends.forEach((partition, end) -> jdbc.sql("""
                            INSERT INTO timeline_version_end (version, topic, partition, end_offset)
                            VALUES (:version, :topic, :partition, :end)""")
                    .param("version", next).param("topic", partition.topic())
                    .param("partition", partition.partition()).param("end", end).update());
            return next;
        });
        log.info("timeline rebuild started: version {} records {} events from {} partitions beside the live one",
                number, ends.values().stream().mapToLong(Long::longValue).sum(), ends.size());
        recorders.follow();
        return number;
    }

    /** Takes a rebuild in progress one step further, when it can be; nothing to do when none runs. */
    @Scheduled(fixedDelay = 250)
    public synchronized void advance() {
        List<Version> current = versions.current();
        if (current.stream().allMatch(version -> version.state() == State.LIVE)) {
            closeAdmin();
            return;
        }
        try {
            for (Version version : current) {
                switch (version.state()) {
                    case BUILDING -> {
                        if (caughtUp(version, startEnds(version))) {
                            deriveStatuses(version);
                        }
                    }
                    case READY -> {
                        Version live = current.stream().filter(v -> v.state() == State.LIVE).findFirst().orElseThrow();
                        if (caughtUp(version, committed(live.group()))) {
                            switchTo(version);
                        }
                    }
                    case RETIRED -> {
                        if (noMembers(version.group())) {
                            drop(version);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (DataAccessException busy) {
            // a lock not granted within its timeout (a long export reading the old version): the next check tries again
            log.info("timeline rebuild: a step waits for readers and will be tried again ({})", busy.getMessage());
        }
    }

    private void deriveStatuses(Version version) {
        log.info("timeline rebuild: version {} has caught up with the topics; deriving the statuses", version.number());
        long started = System.nanoTime();
        Boolean derived = transactions.execute(status -> {
            // the row lock makes the version's recorders wait, and polls after it keep the statuses themselves
            if (jdbc.sql("UPDATE timeline_version SET state = 'READY' WHERE version = :version AND state = 'BUILDING'")
                    .param("version", version.number()).update() == 0) {
                return false;
            }
            version.use(jdbc);
            statuses.deriveAll(replayer);
            return true;
        });
        if (Boolean.TRUE.equals(derived)) {
            log.info("timeline rebuild: version {} statuses derived in {} ms", version.number(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void switchTo(Version version) {
        JsonNode requester = transactions.execute(status -> {
            jdbc.sql("SET LOCAL lock_timeout = '2s'").update();
            if (jdbc.sql("UPDATE timeline_version SET state = 'RETIRED' WHERE state = 'LIVE'").update() != 1
                    || jdbc.sql("""
                            UPDATE timeline_version SET state = 'LIVE', live_at = now()
                            WHERE version = :version AND state = 'READY'""")
                    .param("version", version.number()).update() != 1) {
                status.setRollbackOnly();
                return null;
            }
            jdbc.sql("SELECT timeline_read_version(:schema)::text").param("schema", version.schema())
                    .query(String.class).single();
            JsonNode by = read(jdbc.sql("SELECT requested_by::text FROM timeline_version WHERE version = :version")
                    .param("version", version.number()).query(String.class).single());
            RequestContext.runAs(new Actor(by.path("id").asText(), by.path("name").asText(),
                    Role.valueOf(by.path("role").asText()), by.path("region").asText()),
                    by.path("correlationId").isNull() ? null : by.path("correlationId").asText(), () -> {
                        actions.record(REBUILD, AdminActions.DONE);
                        return null;
                    });
            return by;
        });
        if (requester != null) {
            log.info("timeline rebuild: readers now read version {}", version.number());
            recorders.follow();
        }
    }

    private void drop(Version version) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL lock_timeout = '2s'").update();
            if (jdbc.sql("""
                            UPDATE timeline_version SET state = 'DROPPED', dropped_at = now()
                            WHERE version = :version AND state = 'RETIRED'""")
                    .param("version", version.number()).update() == 1) {
                jdbc.sql("DROP SCHEMA " + version.schema() + " CASCADE").update();
            }
        });
        try {
            admin().deleteConsumerGroups(List.of(version.group())).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("timeline version {}: its consumer group {} could not be deleted", version.number(),
                    version.group(), e);
        }
        log.info("timeline rebuild: version {} dropped", version.number());
    }

    private Map<TopicPartition, Long> startEnds(Version version) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        jdbc.sql("SELECT topic, partition, end_offset FROM timeline_version_end WHERE version = :version")
                .param("version", version.number())
                .query(rs -> {
                    ends.put(new TopicPartition(rs.getString("topic"), rs.getInt("partition")),
                            rs.getLong("end_offset"));
                });
        return ends;
    }

    /** Whether the version's recorders have committed at least the given offset of every partition. */
    private boolean caughtUp(Version version, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> committed = committed(version.group());
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                || committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    private Map<TopicPartition, Long> committed(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return committed.entrySet().stream().filter(offset -> offset.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, offset -> offset.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the offsets of consumer group " + group + " could not be read", e);
        }
    }

    private boolean noMembers(String group) {
        try {
            return admin().describeConsumerGroups(List.of(group)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(group).members().isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("consumer group " + group + " could not be described", e);
        }
    }

    private AdminClient admin() {
        if (admin == null) {
            admin = AdminClient.create(kafka.getConfigurationProperties());
        }
        return admin;
    }

    private void closeAdmin() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a rebuild's requester cannot be read", e);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(AdminClient admin) {
        try {
            Set<TopicPartition> partitions = admin.describeTopics(List.of(TimelineRecorders.TOPICS)).allTopicNames()
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
}
