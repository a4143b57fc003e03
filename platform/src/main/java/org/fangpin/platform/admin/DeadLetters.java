package org.fangpin.platform.admin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.platform.PlatformProperties;

/**
 * The events this service's consumers parked on their dead-letter topics ({@code <topic>.<service>.dlt}), and their
 * replay into the consumer that parked each: the parked record is handed back to that listener as it was first
 * delivered (its original topic, partition and offset), so the consumer's inbox applies it at most once. What has
 * been replayed is remembered as the offsets of the consumer group {@code <service>.dead-letter-replay}.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafka;
    private final PlatformProperties properties;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    public DeadLetters(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafka, PlatformProperties properties) {
        this.listeners = listeners;
        this.kafka = kafka;
        this.properties = properties;
    }

    /**
     * A parked event as operators see it: where it is, whose it was, why it was parked; never its data, which may
     * hold personal data.
     */
    public record Parked(String deadLetterTopic, int partition, long offset, String topic, Integer topicPartition,
                         Long topicOffset, String consumer, String eventId, String eventType, String subject,
                         String failure, String failureMessage, Instant parkedAt) {
    }

    /**
     * @param replayed the parked events handed back and applied (or recognised as applied before)
     * @param failure  the parked event that failed again, which stays parked with those after it; null when none did
     * @param reason   why it failed again
     */
    public record Replay(List<Parked> replayed, Parked failure, String reason) {
    }

    public List<Parked> parked(int limit) {
        try (KafkaConsumer<String, byte[]> consumer = replayConsumer()) {
            return unreplayed(consumer, limit).stream().map(this::parked).toList();
        }
    }

    public Replay replay(int limit) {
        List<Parked> replayed = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = replayConsumer()) {
            for (ConsumerRecord<String, byte[]> record : unreplayed(consumer, limit)) {
                Parked parked = parked(record);
                try {
                    handBack(record);
                } catch (RuntimeException failedAgain) {
                    log.warn("Replay of {}-{}@{} into {} failed again: {}", record.topic(), record.partition(),
                            record.offset(), parked.consumer(), failedAgain.toString());
                    return new Replay(replayed, parked, failedAgain.getMessage());
                }
                consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)));
                replayed.add(parked);
            }
        }
        log.info("Replayed {} dead-lettered events", replayed.size());
        return new Replay(replayed, null, null);
    }

    /** Hands the record back to the listener of the consumer group that parked it, as it was first delivered. */
    private void handBack(ConsumerRecord<String, byte[]> parked) {
        String group = header(parked, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
        MessageListenerContainer container = listeners.getListenerContainers().stream()
                .filter(candidate -> Objects.equals(candidate.getGroupId(), group)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no consumer of this service is group " + group));
        RecordHeaders headers = new RecordHeaders();
        for (Header header : parked.headers()) {
            if (!header.key().startsWith(KafkaHeaders.PREFIX + "dlt-")) {
                headers.add(header);
            }
        }
        ConsumerRecord<String, byte[]> original = new ConsumerRecord<>(
                header(parked, KafkaHeaders.DLT_ORIGINAL_TOPIC), intHeader(parked, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                longHeader(parked, KafkaHeaders.DLT_ORIGINAL_OFFSET), parked.timestamp(), TimestampType.CREATE_TIME,
                -1, -1, parked.key(), parked.value(), headers, Optional.empty());
        Object listener = container.getContainerProperties().getMessageListener();
        if (listener instanceof BatchMessageListener<?, ?> batch) {
            @SuppressWarnings("unchecked")
            BatchMessageListener<String, byte[]> typed = (BatchMessageListener<String, byte[]>) batch;
            typed.onMessage(List.of(original), null, null);
        } else if (listener instanceof MessageListener<?, ?> single) {
            @SuppressWarnings("unchecked")
            MessageListener<String, byte[]> typed = (MessageListener<String, byte[]>) single;
            typed.onMessage(original, null, null);
        } else {
            throw new IllegalStateException("consumer " + group + " cannot be handed a record");
        }
    }

    /** The records of this service's dead-letter topics not replayed yet, in offset order per partition. */
    private List<ConsumerRecord<String, byte[]>> unreplayed(KafkaConsumer<String, byte[]> consumer, int limit) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : deadLetterTopics()) {
            consumer.partitionsFor(topic, POLL).forEach(info -> partitions.add(
                    new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata position = committed.get(partition);
            consumer.seek(partition, position == null ? 0 : position.offset());
        }
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        Predicate<TopicPartition> unread = partition -> consumer.position(partition) < ends.get(partition);
        while (records.size() < limit && partitions.stream().anyMatch(unread)) {
            consumer.poll(POLL).forEach(records::add);
        }
        return records.stream().limit(limit).toList();
    }

    /** The dead-letter topics of the topics this service's consumers read, those that exist (none before a failure). */
    private List<String> deadLetterTopics() {
        Set<String> wanted = listeners.getListenerContainers().stream()
                .flatMap(container -> {
                    String[] topics = container.getContainerProperties().getTopics();
                    return topics == null ? Stream.<String>empty() : Arrays.stream(topics);
                })
                .map(properties::deadLetterTopic).collect(Collectors.toSet());
        try (Admin admin = Admin.create(kafka.getConfigurationProperties())) {
            return admin.listTopics().names().get(POLL.toMillis() * 20, TimeUnit.MILLISECONDS).stream()
                    .filter(wanted::contains).sorted().toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not list its topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private KafkaConsumer<String, byte[]> replayConsumer() {
        Map<String, Object> config = new HashMap<>(kafka.getConfigurationProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.service() + ".dead-letter-replay");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private Parked parked(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = null;
        try {
            envelope = codec.decode(record.value());
        } catch (RuntimeException malformed) {
            // a malformed envelope is parked as it came; it is listed without an event id
        }
        return new Parked(record.topic(), record.partition(), record.offset(),
                header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC), intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                envelope == null ? null : envelope.id(), envelope == null ? null : envelope.type(),
                envelope == null ? null : envelope.subject(),
                header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN) != null
                        ? header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)
                        : header(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE), Instant.ofEpochMilli(record.timestamp()));
    }

    private static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** spring-kafka writes the original partition and offset as 4- and 8-byte big-endian numbers. */
    private static Integer intHeader(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long longHeader(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : ByteBuffer.wrap(header.value()).getLong();
    }
}
