package org.fangpin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.Topics;
import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.testsupport.Infrastructure;
import org.fangpin.testsupport.RealInfrastructureExtension;
import org.fangpin.testsupport.SecuredKafka;
import org.fangpin.testsupport.ServiceProcess;

/**
 * Every service with two replicas behind two gateways, as a county deploys them (deploy/k8s): users take households
 * through the procedure through either gateway ({@link SteadyLoad}) while the services publish, consume and run
 * their once-per-cluster work, then the test looks at what the topics, the stores and the replicas show.
 * It prints its figures (search the output for {@code [replicas]}).
 */
@ExtendWith(RealInfrastructureExtension.class)
@SecuredKafka
class ReplicasIT {

    private static final int REPLICAS = 2;
    private static final int USERS = 4;
    /** Households the users take through the whole procedure, half of the users through each gateway. */
    private static final int HOUSEHOLDS = 8;
    /**
     * The gateways' limit per user in this test: the shared bucket's burst and refill per second. The refill is lower
     * than the default 20, so that a burst taking several seconds on a busy machine still tells one bucket from two
     * (one allows at most the burst and the refill of the seconds begun, two at least twice the burst).
     */
    private static final int BURST = 40;
    private static final int PER_SECOND = 2;
    private static final List<String> TOPICS = List.of(Topics.IDENTIFICATION, Topics.IDENTIFICATION_PERSONAL,
            Topics.MONITORING, Topics.ASSISTANCE);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Infrastructure infrastructure;
    private static RunningSystem system;
    private static List<SteadyLoad.Call> calls;
    private static List<String> households;

    @BeforeAll
    static void runTwoOfEverythingUnderLoad(Infrastructure given) throws InterruptedException {
        infrastructure = given;
        long started = System.nanoTime();
        system = RunningSystem.start(infrastructure, infrastructure.tokens().issuer(),
                infrastructure.tokens().jwksUri(), "replicas", REPLICAS, REPLICAS, Map.of(
                        // the chain-head digest, a once-per-cluster job under a lease, every five seconds
                        "FANGPIN_EVIDENCE_KEY", "the-evidence-key-of-the-replicas-test-0123456789",
                        "FANGPIN_EVIDENCE_DIGEST_CRON", "*/5 * * * * *",
                        "FANGPIN_RATE_LIMIT_BURST", String.valueOf(BURST),
                        "FANGPIN_RATE_LIMIT_PER_SECOND", String.valueOf(PER_SECOND)));
        system.awaitHealthy();
        print("%d processes up in %.1f s", system.logFiles().size(), seconds(System.nanoTime() - started));
        long loadStarted = System.nanoTime();
        SteadyLoad load = SteadyLoad.start(system, infrastructure.tokens(), USERS);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> load.households().size() >= HOUSEHOLDS);
        calls = load.stop();
        households = load.households();
        print("%d households taken through the procedure by %d users in %.1f s (%d requests: %s by status)",
                households.size(), USERS, seconds(System.nanoTime() - loadStarted), calls.size(),
                calls.stream().collect(Collectors.groupingBy(SteadyLoad.Call::status, TreeMap::new,
                        Collectors.counting())));
        assertThat(load.abandoned()).as("households whose procedure was refused").isEmpty();
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void readsAndWritesWorkThroughEitherGateway() {
        for (ServiceProcess gateway : system.gateways()) {
            List<SteadyLoad.Call> through = calls.stream().filter(call -> call.gateway().equals(gateway.baseUrl()))
                    .toList();
            long writes = through.stream().filter(SteadyLoad.Call::write).filter(SteadyLoad.Call::succeeded).count();
            long reads = through.stream().filter(call -> !call.write()).filter(SteadyLoad.Call::succeeded).count();
            print("%s: %d writes and %d reads succeeded of %d requests", gateway.name(), writes, reads,
                    through.size());
            assertThat(writes).as("writes through %s", gateway.name()).isPositive();
            assertThat(reads).as("reads through %s", gateway.name()).isPositive();
        }
        // what one gateway wrote, the other reads (as a user of its own: the load's users may have spent their burst)
        String county = infrastructure.tokens().token("u-reader-" + UUID.randomUUID(), "乌云",
                List.of("COUNTY_APPROVER"), "150724", Duration.ofMinutes(5));
        for (String household : households) {
            for (ServiceProcess gateway : system.gateways()) {
                assertThat(get(gateway, county, "/api/households/" + household).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void eachHouseholdsEventsArePublishedInTheOrderTheyHappened() {
        EnvelopeCodec codec = new EnvelopeCodec();
        int records = 0;
        int redelivered = 0;
        Map<String, List<Long>> sequences = new LinkedHashMap<>();
        Map<String, Set<Integer>> partitions = new HashMap<>();
        for (String topic : TOPICS) {
            Set<String> seen = new HashSet<>();
            // readToEnd gives each partition's records in offset order, the order a consumer sees them
            for (ConsumerRecord<String, byte[]> record : infrastructure.kafka().readToEnd(topic)) {
                records++;
                EventEnvelope envelope = codec.decode(record.value());
                assertThat(envelope.link()).as("the source link of %s", envelope.id()).isNotNull();
                String household = topic + " " + envelope.link().aggregateId();
                partitions.computeIfAbsent(household, h -> new HashSet<>()).add(record.partition());
                if (!seen.add(envelope.id())) {
                    redelivered++;   // at least once: a consumer skips an id it has processed
                    continue;
                }
                sequences.computeIfAbsent(household, h -> new ArrayList<>()).add(envelope.link().sequence());
            }
        }
        print("%d records on %d topics, %d redelivered, %d households' streams", records, TOPICS.size(), redelivered,
                sequences.size());
        assertThat(sequences).isNotEmpty();
        assertThat(partitions).allSatisfy((household, used) -> assertThat(used).as(household).hasSize(1));
        assertThat(sequences).allSatisfy((household, published) ->
                assertThat(published).as("sequence numbers of %s as published", household).isSorted()
                        .doesNotHaveDuplicates());
        // the households the users followed up have their monitoring and assistance streams
        for (String household : households) {
            assertThat(sequences.get(Topics.MONITORING + " " + household)).as("monitoring events of %s", household)
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(sequences.get(Topics.ASSISTANCE + " " + household)).as("assistance events of %s", household)
                    .hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void noEffectHappensTwice() {
        assertThat(system.effectsDoneTwice()).as("households started on or opened twice").isEmpty();

        // every household event reaches the timeline once, whichever replica consumed it
        Set<String> householdEvents = new HashSet<>();
        EnvelopeCodec codec = new EnvelopeCodec();
        for (String topic : List.of(Topics.IDENTIFICATION_PERSONAL, Topics.MONITORING, Topics.ASSISTANCE)) {
            infrastructure.kafka().readToEnd(topic).stream().map(record -> codec.decode(record.value()))
                    .filter(envelope -> envelope.data() instanceof HouseholdEvent)
                    .forEach(envelope -> householdEvents.add(envelope.id()));
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(system.database("timeline").sql("SELECT event_id FROM timeline_entry")
                        .query(String.class).list()).containsAll(householdEvents));
        List<String> twice = system.database("timeline").sql("""
                        SELECT event_id FROM timeline_entry GROUP BY event_id HAVING count(*) > 1""")
                .query(String.class).list();
        print("%d household events in the timeline, %d entered twice", householdEvents.size(), twice.size());
        assertThat(twice).as("timeline entries of one event").isEmpty();

        // the chain-head digest runs at the same second on both replicas of a service; under the lease one runs
        List<Digest> digests = infrastructure.kafka().readToEnd(Topics.EVIDENCE).stream()
                .map(record -> Digest.of(record.value())).toList();
        for (String service : List.of("identification", "monitoring", "assistance")) {
            List<Digest> published = digests.stream().filter(digest -> digest.service().equals(service)).toList();
            print("%s: %d chain-head digests published, ranges %s", service, published.size(),
                    published.stream().map(Digest::range).toList());
            assertThat(published).as("%s's digests", service).hasSizeGreaterThanOrEqualTo(2);
            assertThat(published.stream().map(Digest::range).toList()).as("%s's digests, each range once", service)
                    .doesNotHaveDuplicates();
            for (int i = 1; i < published.size(); i++) {
                assertThat(published.get(i).from()).as("%s's digest %d starts where the previous ended", service, i)
                        .isEqualTo(published.get(i - 1).to());
            }
        }
    }

    @Test
    void oneUsersBurstSplitOverBothGatewaysGetsTheSharedLimit() throws Exception {
        String user = infrastructure.tokens().token("u-burst-" + UUID.randomUUID(), "巴特尔",
                List.of("COUNTY_APPROVER"), "150724", Duration.ofMinutes(5));
        String path = "/api/households/" + households.get(0);
        List<ServiceProcess> gateways = system.gateways();
        AtomicIntegerArray allowed = new AtomicIntegerArray(gateways.size());
        AtomicIntegerArray refused = new AtomicIntegerArray(gateways.size());
        AtomicInteger sent = new AtomicInteger();
        // as fast as 16 clients can, taking turns between the gateways, until each gateway has refused a few
        BooleanSupplier enough = () -> IntStream.range(0, gateways.size()).allMatch(i -> refused.get(i) >= 3)
                || sent.get() >= 2000;
        ExecutorService senders = Executors.newFixedThreadPool(16);
        long started = System.nanoTime();
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int client = 0; client < 16; client++) {
                clients.add(senders.submit(() -> {
                    while (!enough.getAsBoolean()) {
                        int gateway = sent.getAndIncrement() % gateways.size();
                        int status = get(gateways.get(gateway), user, path).statusCode();
                        assertThat(status).isIn(200, 429);
                        (status == 200 ? allowed : refused).incrementAndGet(gateway);
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(2, TimeUnit.MINUTES);
            }
        } finally {
            senders.shutdownNow();
        }
        double took = seconds(System.nanoTime() - started);
        // the bucket refills by whole seconds of Redis's clock: at most this many seconds began during the burst
        long sharedLimit = BURST + PER_SECOND * (long) Math.ceil(took);
        int passed = 0;
        for (int i = 0; i < gateways.size(); i++) {
            passed += allowed.get(i);
            print("%s: %d allowed, %d refused (429)", gateways.get(i).name(), allowed.get(i), refused.get(i));
        }
        print("one user's %d requests in %.2f s over %d gateways: %d allowed; one shared bucket allows at most %d, "
                + "a bucket per gateway at least %d once each has refused", sent.get(), took, gateways.size(), passed,
                sharedLimit, gateways.size() * BURST);
        for (int i = 0; i < gateways.size(); i++) {
            assertThat(refused.get(i)).as("refused by %s", gateways.get(i).name()).isPositive();
            assertThat(allowed.get(i)).as("allowed through %s", gateways.get(i).name()).isPositive();
        }
        assertThat(passed).as("requests allowed across the gateways").isBetween(BURST, (int) sharedLimit)
                .isLessThan(gateways.size() * BURST);
    }

    @Test
    void everyReplicaOfTimelineServiceServesReads() {
        List<ServiceProcess> replicas = system.replicas("timeline");
        List<Double> before = replicas.stream().map(ReplicasIT::timelineReads).toList();
        String county = infrastructure.tokens().token("COUNTY_APPROVER", "150724");
        int reads = 20;
        for (int i = 0; i < reads; i++) {
            ServiceProcess gateway = system.gateways().get(i % system.gateways().size());
            String household = households.get(i % households.size());
            assertThat(get(gateway, county, "/api/households/" + household + "/timeline").statusCode())
                    .isEqualTo(200);
        }
        for (int i = 0; i < replicas.size(); i++) {
            double served = timelineReads(replicas.get(i)) - before.get(i);
            print("%s served %.0f of %d timeline reads", replicas.get(i).name(), served, reads);
            assertThat(served).as("timeline reads served by %s", replicas.get(i).name()).isPositive();
        }
    }

    // ---- helpers

    /** A signed chain-head digest as published (ChainDigests): which service, which global indexes, which part. */
    private record Digest(String service, long from, long to, int part) {

        static Digest of(byte[] record) {
            try {
                JsonNode body = JSON.readTree(JSON.readTree(record).get("body").asText());
                return new Digest(body.get("service").asText(), body.get("fromGlobalIndex").asLong(),
                        body.get("toGlobalIndex").asLong(), body.get("part").asInt());
            } catch (IOException e) {
                throw new IllegalStateException("not a chain-head digest", e);
            }
        }

        String range() {
            return "(" + from + "," + to + "]#" + part;
        }
    }

    /** The timeline requests a replica has answered so far, by its own request metrics. */
    private static double timelineReads(ServiceProcess replica) {
        String metrics = get(replica.baseUrl() + "/actuator/prometheus", null).body();
        return metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .filter(line -> line.contains("uri=\"/api/households/{householdId}/timeline\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static HttpResponse<String> get(ServiceProcess gateway, String token, String path) {
        return get(gateway.baseUrl() + path, token);
    }

    private static HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void print(String format, Object... arguments) {
        System.out.println("[replicas] " + format.formatted(arguments));
    }
}
