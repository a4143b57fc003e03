package org.fangpin.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.fangpin.contracts.value.IdNumber;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.ServiceProcess;

/**
 * Village, township and county users taking households through the whole procedure through the gateway (each user
 * through one of the system's gateways in turn, when it runs several):
 * registration, lead, home verification, village evaluation, township review, county identification, then, once
 * monitoring and assistance have heard of the household (users do not wait for that: they take the next household
 * meanwhile), a monthly record and a measure. A step answered 5xx, 429 or not
 * at all is sent again with the same {@code Idempotency-Key} until it succeeds (for up to two minutes), as the
 * console does; a step refused otherwise ends that household's procedure, which is reported.
 */
final class SteadyLoad {

    private static final String VILLAGE = "150724213201";
    private static final Duration PERSISTENCE = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One HTTP request, the gateway it went through, and how it was answered; {@code status} 0 when no answer came. */
    record Call(String step, boolean write, Instant sentAt, Duration took, int status, String code, String gateway) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private final List<String> gateways;
    private final DevTokenIssuer tokens;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> abandoned = Collections.synchronizedList(new ArrayList<>());
    private final List<String> monitored = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> users = new ArrayList<>();
    private final BlockingQueue<Identified> identified = new LinkedBlockingQueue<>();

    private SteadyLoad(List<String> gateways, DevTokenIssuer tokens) {
        this.gateways = gateways;
        this.tokens = tokens;
    }

    static SteadyLoad start(RunningSystem system, DevTokenIssuer tokens, int users) {
        SteadyLoad load = new SteadyLoad(system.gateways().stream().map(ServiceProcess::baseUrl).toList(), tokens);
        for (int i = 0; i < users; i++) {
            String gateway = load.gateways.get(i % load.gateways.size());
            Thread user = new Thread(() -> load.takeHouseholdsThroughTheProcedure(gateway), "user-" + i);
            user.start();
            load.users.add(user);
        }
        return load;
    }

    /**
     * Lets each user finish the household at hand and waits for monitoring and assistance to hear of the households
     * identified last; returns every request sent.
     */
    List<Call> stop() throws InterruptedException {
        running.set(false);
        for (Thread user : users) {
            user.join(PERSISTENCE.multipliedBy(3).toMillis());
        }
        String county = token("COUNTY_APPROVER", "150724");
        for (Identified waiting : identified) {
            while (!found(gateways.get(0), county, "/api/monitoring/" + waiting.household())
                    || !found(gateways.get(0), county, "/api/assistance/" + waiting.household())) {
                if (System.nanoTime() - waiting.identifiedAt() > PERSISTENCE.toNanos()) {
                    abandoned.add(waiting.household() + " identified but unknown to monitoring or assistance");
                    break;
                }
                pause();
            }
        }
        return List.copyOf(calls);
    }

    /** The households taken through the whole procedure. */
    List<String> households() {
        return List.copyOf(monitored);
    }

    /** The households whose procedure was refused, with the step and the answer. */
    List<String> abandoned() {
        return List.copyOf(abandoned);
    }

    static String newIdNumber() {
        String first17 = "150724" + LocalDate.of(1950, 1, 1)
                .plusDays(ThreadLocalRandom.current().nextInt(50 * 365)).toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + IdNumber.checkCharacter(first17);
    }

    private void takeHouseholdsThroughTheProcedure(String gateway) {
        while (running.get()) {
            try {
                Identified next = identified.poll();
                if (next == null || !followUp(gateway, next)) {
                    identify(gateway);
                }
            } catch (Refused refused) {
                abandoned.add(refused.getMessage());
            }
        }
    }

    /** A household the county identified, waiting for monitoring and assistance to hear of it. */
    private record Identified(String household, long identifiedAt) {
    }

    private void identify(String gateway) {
        LocalDate today = today();
        String village = token("VILLAGE_OFFICER", VILLAGE);
        String household = send(gateway, "register", village, "POST", "/api/households", Map.of(
                "regionCode", VILLAGE, "villageGroup", 1, "headName", "测试户主", "headIdNumber", newIdNumber(), "category",
                "POVERTY_ALLEVIATED", "memberCount", 3)).get("householdId").asText();
        String lead = send(gateway, "lead", village, "POST", "/api/leads", Map.of("householdId", household,
                "channel", "CADRE_VISIT", "description", "入户走访发现因病支出大",
                "reportedOn", today.minusDays(8).toString())).get("leadId").asText();
        send(gateway, "verification", village, "POST", "/api/leads/" + lead + "/verification", Map.of(
                "perCapitaNetIncome", 6800.00, "labourCapacity", "FULL", "collector", "娜仁",
                "householdConfirmed", true, "verifiedOn", today.minusDays(7).toString()));
        send(gateway, "evaluation", village, "POST", "/api/leads/" + lead + "/village-evaluation", Map.of(
                "opinion", "经村两委、驻村工作队评议，同意纳入", "noticeFrom", today.minusDays(7).toString()));
        send(gateway, "township-review", token("TOWNSHIP_REVIEWER", "150724213"), "POST",
                "/api/leads/" + lead + "/township-review", Map.of("decision", "APPROVE", "opinion", "经乡镇审核，情况属实"));
        send(gateway, "county-decision", token("COUNTY_APPROVER", "150724"), "POST",
                "/api/leads/" + lead + "/county-decision", Map.of("decision", "IDENTIFY", "objectType",
                        "SUDDEN_HARDSHIP", "riskTypes", List.of("ILLNESS")));
        identified.add(new Identified(household, System.nanoTime()));
    }

    /**
     * The month's record and a measure, once monitoring and assistance know the household (through Kafka, a moment
     * or an outage later); false, and the household back in the queue, while they do not yet.
     */
    private boolean followUp(String gateway, Identified waiting) {
        String county = token("COUNTY_APPROVER", "150724");
        if (!found(gateway, county, "/api/monitoring/" + waiting.household())
                || !found(gateway, county, "/api/assistance/" + waiting.household())) {
            if (System.nanoTime() - waiting.identifiedAt() > PERSISTENCE.toNanos()) {
                throw new Refused(waiting.household() + " identified but unknown to monitoring or assistance after "
                        + PERSISTENCE);
            }
            identified.add(waiting);
            return false;
        }
        String village = token("VILLAGE_OFFICER", VILLAGE);
        LocalDate today = today();
        send(gateway, "monthly-record", village, "POST", "/api/monitoring/" + waiting.household() + "/records", Map.of(
                "month", YearMonth.from(today).toString(), "perCapitaNetIncome", "7900.00",
                "contactMethod", "HOME_VISIT"));
        send(gateway, "measure", village, "POST", "/api/assistance/" + waiting.household() + "/measures", Map.of(
                "measureType", "EMPLOYMENT", "description", "推荐到旗内企业务工", "riskTypes", List.of("ILLNESS"),
                "department", "人社局", "responsiblePerson", "包银花", "dueDate", today.plusDays(30).toString()));
        monitored.add(waiting.household());
        return true;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private String token(String role, String region) {
        return tokens.token(role, region);
    }

    /** A write, sent again with its key until it succeeds; the body of its answer. */
    private JsonNode send(String gateway, String step, String token, String method, String path,
                          Map<String, ?> body) {
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + PERSISTENCE.toNanos();
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)))
                    .build();
            Optional<HttpResponse<String>> response = exchange(gateway, step, true, request);
            if (response.isPresent() && response.get().statusCode() < 300) {
                return read(response.get().body());
            }
            boolean again = response.isEmpty() || response.get().statusCode() >= 500
                    || response.get().statusCode() == 429;
            if (!again || System.nanoTime() > deadline) {
                throw new Refused(step + " " + path + ": " + response.map(HttpResponse::body).orElse("no answer"));
            }
            pause();
        }
    }

    private boolean found(String gateway, String token, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build();
        return exchange(gateway, "read", false, request).filter(response -> response.statusCode() == 200).isPresent();
    }

    private Optional<HttpResponse<String>> exchange(String gateway, String step, boolean write, HttpRequest request) {
        Instant sent = Instant.now();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            calls.add(new Call(step, write, sent, Duration.ofNanos(System.nanoTime() - started),
                    response.statusCode(), response.statusCode() < 300 ? "" : code(response.body()), gateway));
            return Optional.of(response);
        } catch (IOException e) {
            calls.add(new Call(step, write, sent, Duration.ofNanos(System.nanoTime() - started), 0, "", gateway));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String code(String body) {
        try {
            return JSON.readTree(body).path("code").asText("");
        } catch (IOException notJson) {
            return "";
        }
    }

    private static JsonNode read(String body) {
        try {
            return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static String write(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message);
        }
    }
}
