package org.fangpin.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.plain.PlainLoginModule;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import org.fangpin.contracts.EventCatalog;
import org.fangpin.contracts.Topics;

/**
 * A real single-node Kafka broker in KRaft mode (spring-kafka-test's embedded broker), one per test class, so
 * that no test sees another's messages or consumer offsets. A secured broker ({@link #startSecured}) authenticates
 * every client with SASL (PLAIN) and authorises each service's principal by the ACLs production uses
 * ({@code deploy/kafka/acls.tsv}). Every broker's service topics exist before the services start, as in production.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final String ADMIN = "admin";
    private static final String MECHANISM = "PLAIN";
    /** Partitions of a topic the broker creates on first use. */
    private static final int PARTITIONS = 4;
    /** Partitions of the services' topics: the platform's default ({@code fangpin.topic-partitions}). */
    private static final int SERVICE_TOPIC_PARTITIONS = 8;

    private final EmbeddedKafkaKraftBroker broker;
    /** Password by user, for a secured broker; empty for a plaintext one. */
    private final Map<String, String> passwords;
    /** The proxy clients reach the broker through, for a broker started behind one; else null. */
    private TcpProxy proxy;

    private KafkaBroker(EmbeddedKafkaKraftBroker broker, Map<String, String> passwords) {
        this.broker = broker;
        this.passwords = passwords;
    }

    public static KafkaBroker start() {
        return withServiceTopics(start(new EmbeddedKafkaKraftBroker(1, PARTITIONS), Map.of()));
    }

    /**
     * A broker that clients reach only through a {@link TcpProxy} (it advertises the proxy's address), so that a
     * test can take it away from them and give it back ({@link #proxy()}): a broker outage as clients see it.
     */
    public static KafkaBroker startBehindProxy() {
        int brokerPort = freePort();
        int proxyPort = freePort();
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 4);
        broker.brokerProperties(Map.of(
                "listeners", "EXTERNAL://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:0",
                "advertised.listeners", "EXTERNAL://127.0.0.1:" + proxyPort));
        TcpProxy proxy = TcpProxy.on(proxyPort, brokerPort);
        KafkaBroker behind = start(broker, Map.of());
        behind.proxy = proxy;
        return withServiceTopics(behind);
    }

    /** The proxy in front of a broker started with {@link #startBehindProxy()}. */
    public TcpProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("this broker was not started behind a proxy");
        }
        return proxy;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A broker every client must sign in to: {@code admin} (a super user, for the test itself) and one principal per
     * service with the ACLs of {@code acls} (columns: principal, operation, resource type, pattern type, name).
     */
    public static KafkaBroker startSecured(Path acls) {
        List<AclBinding> bindings = readAcls(acls);
        Map<String, String> passwords = new HashMap<>();
        passwords.put(ADMIN, UUID.randomUUID().toString());
        bindings.forEach(binding -> passwords.computeIfAbsent(
                binding.entry().principal().substring("User:".length()), user -> UUID.randomUUID().toString()));
        StringBuilder jaas = new StringBuilder(PlainLoginModule.class.getName() + " required username=\"" + ADMIN
                + "\" password=\"" + passwords.get(ADMIN) + "\"");
        passwords.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password)
                .append("\""));
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 4);
        broker.brokerProperties(Map.of(
                "listener.security.protocol.map", "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                "sasl.enabled.mechanisms", MECHANISM,
                "sasl.mechanism.inter.broker.protocol", MECHANISM,
                "listener.name.external.plain.sasl.jaas.config", jaas + ";",
                "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                // the controller's own listener stays in the cluster (plaintext, anonymous)
                "super.users", "User:" + ADMIN + ";User:ANONYMOUS"));
        KafkaBroker secured = start(broker, passwords);
        secured.createServiceTopics();
        try (Admin admin = Admin.create(secured.clientProperties(ADMIN))) {
            admin.createAcls(bindings).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the secured broker's ACLs could not be created", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return secured;
    }

    private static KafkaBroker withServiceTopics(KafkaBroker broker) {
        broker.createServiceTopics();
        return broker;
    }

    /**
     * Creates the services' topics as the broker starts, as production's setup does before any service starts. Left
     * to the first service's start, their partitions were still being loaded while a test sent its first events, and
     * on a busy machine a producer's wait for them can outlast its {@code max.block.ms}.
     */
    private void createServiceTopics() {
        try (Admin admin = Admin.create(clientProperties(ADMIN))) {
            admin.createTopics(Stream.concat(EventCatalog.topics().stream(), Stream.of(Topics.EVIDENCE))
                    .map(topic -> new NewTopic(topic, SERVICE_TOPIC_PARTITIONS, (short) 1)).toList()).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker's topics could not be created", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KafkaBroker start(EmbeddedKafkaKraftBroker broker, Map<String, String> passwords) {
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        // a test's few consumer groups need no 50 partitions of offsets to be created on their first join
        broker.brokerProperty("offsets.topic.num.partitions", String.valueOf(PARTITIONS));
        try {
            broker.afterPropertiesSet();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The embedded Kafka broker (KRaft) did not start: " + e.getMessage(), e);
        }
        return new KafkaBroker(broker, Map.copyOf(passwords));
    }

    /**
     * The environment a service process connects with ({@code FANGPIN_KAFKA_*}, read by the platform): its own
     * principal on a secured broker, nothing on a plaintext one.
     */
    public Map<String, String> credentialsOf(String user) {
        if (passwords.isEmpty()) {
            return Map.of();
        }
        return Map.of("FANGPIN_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "FANGPIN_KAFKA_SASL_MECHANISM", MECHANISM,
                "FANGPIN_KAFKA_USER", user, "FANGPIN_KAFKA_PASSWORD", password(user));
    }

    /** Client properties for this broker as the given user (bootstrap servers included). */
    public Map<String, Object> clientProperties(String user) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (!passwords.isEmpty()) {
            properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
            properties.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
            properties.put(SaslConfigs.SASL_JAAS_CONFIG, PlainLoginModule.class.getName() + " required username=\""
                    + user + "\" password=\"" + password(user) + "\";");
        }
        return properties;
    }

    private String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("the broker knows no user " + user);
        }
        return password;
    }

    private static List<AclBinding> readAcls(Path acls) {
        try (Stream<String> lines = Files.lines(acls)) {
            return lines.filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> {
                String[] column = line.split("\t");
                return new AclBinding(new ResourcePattern(ResourceType.valueOf(column[2]), column[4],
                        PatternType.valueOf(column[3])), new AccessControlEntry("User:" + column[0], "*",
                        AclOperation.valueOf(column[1]), AclPermissionType.ALLOW));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ACLs " + acls, e);
        }
    }

    public String bootstrapServers() {
        return proxy == null ? broker.getBrokersAsString() : "127.0.0.1:" + proxy.port();
    }

    /**
     * Reads a topic from its beginning, with a consumer group of its own, until at least {@code atLeast} records
     * arrived (fails after 30 s).
     */
    public List<ConsumerRecord<String, byte[]>> read(String topic, int atLeast) {
        Map<String, Object> config = clientProperties(passwords.isEmpty() ? null : ADMIN);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (records.size() < atLeast) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("expected at least " + atLeast + " records on " + topic
                            + " within " + READ_TIMEOUT + ", got " + records.size());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Every record of a topic, from its beginning to its end as of now; none for a topic that does not exist. */
    public List<ConsumerRecord<String, byte[]>> readToEnd(String topic) {
        Map<String, Object> config = clientProperties(passwords.isEmpty() ? null : ADMIN);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The names of the broker's topics. */
    public Set<String> topics() {
        try (Admin admin = Admin.create(clientProperties(passwords.isEmpty() ? null : ADMIN))) {
            return admin.listTopics().names().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
        broker.destroy();
    }
}
