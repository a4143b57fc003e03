package org.fangpin.simulator;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.LeadChannel;

/**
 * One month of a county, driven through the gateway as its users would: the register, eight months of monitoring
 * history entered as 补录 (so that the month has households to eliminate and to look back on), then the month itself —
 * leads through every channel and the whole identification procedure, the medical insurance office's file screened
 * as a batch, the monthly records clustered before the reporting day, measures, eliminations, look-back and
 * rollbacks. Prints per operation count, throughput, p50/p99 and errors, the commit-to-timeline lag of sampled
 * writes, and each service's CPU and heap. Run it with {@code deploy/local/simulate.sh --help}.
 */
public final class Simulator {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Households a go-live file: about a township's register in a county of 200,000. */
    private static final int IMPORT_ROWS = 20_000;
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String[] RISKS = {"ILLNESS", "DISABILITY", "UNSTABLE_EMPLOYMENT", "EDUCATION", "DISASTER"};
    private static final String[] MEASURES = {"MEDICAL_AID", "PUBLIC_WELFARE_JOB", "EMPLOYMENT", "EDUCATION_AID",
            "TEMPORARY_RELIEF"};
    /** Measures that count as developmental assistance (产业, 就业, 公益岗位, 小额信贷). */
    private static final String[] DEVELOPMENTAL = {"EMPLOYMENT", "INDUSTRY", "PUBLIC_WELFARE_JOB", "MICROCREDIT"};
    private static final String[] OBJECT_TYPES = {"UNSTABLE_ALLEVIATED", "MARGINAL_VULNERABLE", "SUDDEN_HARDSHIP"};

    private final Options options;
    private final CountyPlan plan;
    private final Api api;
    private final Metrics metrics;
    private final TimelineLag lag;
    private final ExecutorService pool;
    private final Map<String, Api.User> officers = new HashMap<>();
    private final Map<String, Api.User> reviewers = new HashMap<>();
    private final List<Api.User> approvers = new ArrayList<>();
    private final Api.User departmentOfficer;
    private final Map<Integer, String> householdIds = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> records = new ConcurrentHashMap<>();
    private final Set<Integer> withHistory = ConcurrentHashMap.newKeySet();
    private final Map<Integer, String> leadIds = new ConcurrentHashMap<>();
    private final YearMonth month;
    private final YearMonth identifiedIn;

    private Simulator(Options options, CountyPlan plan, Api api, Metrics metrics, List<Api.User> readers) {
        this.options = options;
        this.plan = plan;
        this.api = api;
        this.metrics = metrics;
        this.lag = new TimelineLag(api, readers, options.lagEvery);
        this.pool = Executors.newFixedThreadPool(options.concurrency);
        String county = plan.county().code();
        plan.county().villages().forEach(village -> officers.put(village.code(), new Api.User("sim-vo-" + village.code())));
        plan.county().townships().keySet().forEach(code -> reviewers.put(code, new Api.User("sim-tr-" + code)));
        for (int i = 1; i <= 4; i++) {
            approvers.add(new Api.User("sim-ca-" + county + "-" + i));
        }
        this.departmentOfficer = new Api.User("sim-do-" + county);
        this.month = YearMonth.now(CHINA).minusMonths(1);
        this.identifiedIn = month.minusMonths(8);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        County county = County.load(options.county);
        CountyPlan plan = CountyPlan.generate(county, options.seed, options.householdsPerVillage,
                options.monitoredShare, options.leadShare, options.departmentHitShare);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Keycloak keycloak = new Keycloak(options.keycloak, options.keycloakAdminPassword, http);
        Metrics metrics = new Metrics();
        Api api = new Api(options.gateway, http, keycloak, metrics);

        System.out.printf("Fangpin county simulator: %s %s, %d villages in %d townships, %d households per village "
                        + "(%d), seed %d, concurrency %d, department file %,d rows; load average %s%n",
                county.code(), county.name(), county.villages().size(), county.townships().size(),
                options.householdsPerVillage, plan.households().size(), options.seed, options.concurrency,
                options.departmentRows, loadAverage());
        Map<Household.Fate, Integer> fates = new LinkedHashMap<>();
        plan.households().forEach(household -> fates.merge(household.fate(), 1, Integer::sum));
        System.out.println("households by fate: " + fates);

        List<Api.User> readers = users(keycloak, county, options.probers);
        Simulator simulator = new Simulator(options, plan, api, metrics, readers);
        Map<String, String> services = new LinkedHashMap<>();
        options.services.forEach(services::put);
        long start = System.nanoTime();
        ServiceProbe probe = new ServiceProbe(services, http).start();
        AtomicBoolean reported = new AtomicBoolean();
        Runnable report = () -> {
            if (reported.compareAndSet(false, true)) {
                System.out.printf("%n== %d calls answered, %d errors, in %.1f s; load average %s ==%n",
                        metrics.totalOk(), metrics.totalErrors(), (System.nanoTime() - start) / 1e9, loadAverage());
                metrics.print(System.out);
                System.out.println();
                simulator.lag.print(System.out);
                System.out.println();
                probe.print(System.out);
            }
        };
        // an interrupted run (Ctrl-C) still prints what it measured
        Thread onExit = new Thread(report);
        Runtime.getRuntime().addShutdownHook(onExit);
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        progress.scheduleAtFixedRate(() -> System.out.printf("   [%4.0f s] %d calls answered, %d errors; load %s%n",
                (System.nanoTime() - start) / 1e9, metrics.totalOk(), metrics.totalErrors(), loadAverage()),
                30, 30, TimeUnit.SECONDS);
        try {
            simulator.run();
            simulator.lag.close();
            progress.shutdownNow();
            report.run();
            Runtime.getRuntime().removeShutdownHook(onExit);
        } finally {
            probe.close();
            simulator.pool.shutdownNow();
        }
    }

    /** The county's users in Keycloak (created once); returns the supervisors that read timelines. */
    private static List<Api.User> users(Keycloak keycloak, County county, int supervisors) {
        long start = System.nanoTime();
        String code = county.code();
        county.villages().forEach(village -> keycloak.ensureUser("sim-vo-" + village.code(),
                "村级信息员" + village.name(), "VILLAGE_OFFICER", village.code(), null));
        county.townships().forEach((township, name) -> keycloak.ensureUser("sim-tr-" + township,
                name + "审核员", "TOWNSHIP_REVIEWER", township, null));
        for (int i = 1; i <= 4; i++) {
            keycloak.ensureUser("sim-ca-" + code + "-" + i, "县级审定" + i, "COUNTY_APPROVER", code, null);
        }
        keycloak.ensureUser("sim-do-" + code, "医保局数据员", "DEPARTMENT_OFFICER", code, "MEDICAL_INSURANCE");
        List<Api.User> readers = new ArrayList<>();
        for (int i = 1; i <= supervisors; i++) {
            keycloak.ensureUser("sim-sv-" + code + "-" + i, "督查" + i, "SUPERVISOR", code, null);
            readers.add(new Api.User("sim-sv-" + code + "-" + i));
        }
        System.out.printf("users ready in Keycloak (%d) in %.1f s%n",
                county.villages().size() + county.townships().size() + 5 + supervisors,
                (System.nanoTime() - start) / 1e9);
        return readers;
    }

    private void run() throws Exception {
        List<Household> all = plan.households();
        List<Household> monitored = all.stream().filter(household -> household.fate().monitored()).toList();
        List<Household> leads = plan.withFate(Household.Fate.NEW_LEAD);
        List<Household> departmentHits = plan.withFate(Household.Fate.DEPARTMENT_HIT);

        if (options.goLiveImport) {
            // the register a county brings when it goes live; only the households this month concerns one by one
            List<Household> existing = plan.withFate(Household.Fate.REGISTERED);
            timed("go-live import (存量导入): " + existing.size() + " registered households, files of "
                    + IMPORT_ROWS + " rows", () -> importRegister(existing));
            List<Household> concerned = all.stream().filter(h -> h.fate() != Household.Fate.REGISTERED).toList();
            phase("register: " + concerned.size() + " households", concerned, this::register);
        } else {
            phase("register: " + all.size() + " households", all, this::register);
        }
        phase("history " + identifiedIn + ".." + month.minusMonths(1) + " (补录): " + monitored.size()
                + " monitored households identified, recorded, assisted, some eliminated", monitored, this::history);

        // a household whose history broke off (its error counted) sits the month out
        monitored = monitored.stream().filter(household -> withHistory.contains(household.index())).toList();
        List<Household> stable = plan.withFate(Household.Fate.STABLE).stream()
                .filter(household -> withHistory.contains(household.index())).toList();
        List<Household> atRisk = plan.withFate(Household.Fate.AT_RISK).stream()
                .filter(household -> withHistory.contains(household.index())).toList();
        List<Household> rolledBack = plan.withFate(Household.Fate.ELIMINATED).stream()
                .filter(household -> household.rolledBack() && withHistory.contains(household.index())).toList();
        phase("month " + month + ": leads reported through the village and county channels", leads,
                household -> reportLead(household, reportedOn(household)));
        timed("month " + month + ": the medical insurance file, " + options.departmentRows + " rows",
                this::departmentFile);
        phase("month " + month + ": department leads picked up", departmentHits, this::departmentLead);
        List<Household> cases = new ArrayList<>(leads);
        cases.addAll(departmentHits);
        phase("month " + month + ": identification procedure (verification 双签字, village evaluation and notice, "
                + "township review, county decision)", cases, this::procedure);
        monthlyRecords(monitored);
        phase("month " + month + ": measures for the households at risk", atRisk, this::measures);
        phase("month " + month + ": eliminations (village proposal, township verification, county approval)",
                stable, household -> eliminate(household, month));
        phase("month " + month + ": look-back rollbacks", rolledBack, this::rollback);
        phase("month " + month + ": the county reads the monitored households' timelines", monitored,
                household -> ifRegistered(household, id -> api.get("timeline read (county)",
                        approvers.get(household.index() % approvers.size()), "/api/households/" + id + "/timeline")));
    }

    // ---------------------------------------------------------------- the steps

    private void register(Household household) {
        Map<String, Object> body = Map.of("regionCode", household.village().code(), "villageGroup",
                household.villageGroup(), "headName", household.headName(), "headIdNumber",
                household.headIdNumber(), "category", household.category(), "memberCount", household.memberCount());
        JsonNode answer = api.post("register household", officer(household), "/api/households", body,
                step(household, "register"));
        String id = answer.get("householdId").asText();
        householdIds.put(household.index(), id);
        lag.offer(id, "HouseholdRegistered", 1, System.nanoTime());
    }

    /**
     * Registers the households in go-live files of the county approver, one after the other (each as large as a
     * township's register), and waits for each to be written.
     */
    private void importRegister(List<Household> households) {
        Api.User approver = approvers.get(0);
        long counted = countedOnDashboard(approver);
        long written = 0;
        for (int from = 0; from < households.size(); from += IMPORT_ROWS) {
            List<Household> part = households.subList(from, Math.min(households.size(), from + IMPORT_ROWS));
            StringBuilder csv = new StringBuilder("行政区划代码,村民小组,户主姓名,户主证件号码,家庭人口数,户类型\n");
            part.forEach(household -> csv.append(String.join(",", household.village().code(),
                    String.valueOf(household.villageGroup()), household.headName(), household.headIdNumber(),
                    String.valueOf(household.memberCount()),
                    HouseholdCategory.valueOf(household.category()).chineseName())).append('\n'));
            String file = "sim-" + options.seed + "-register-" + (from / IMPORT_ROWS + 1) + ".csv";
            long start = System.nanoTime();
            JsonNode run = api.upload("go-live import: upload", approver, "/api/households/imports?fileName=" + file,
                    csv.toString().getBytes(StandardCharsets.UTF_8), "go-live-" + options.seed + "-" + from);
            String id = run.get("id").asText();
            while (!run.hasNonNull("finishedAt")) {
                Api.pause(1_000);
                run = api.get("go-live import: progress read", approver, "/api/households/imports/" + id);
            }
            long end = System.nanoTime();
            metrics.record("go-live import: upload to written", start, end, "DONE".equals(run.path("state").asText()),
                    run.toString());
            System.out.printf("  %s: %s, %,d of %,d rows written, %d refused, %.1f s = %,.0f rows/s%n", file,
                    run.path("state").asText(), run.path("rowsWritten").asInt(), run.path("rowsTotal").asInt(),
                    run.path("rowsRefused").asInt(), (end - start) / 1e9,
                    run.path("rowsWritten").asInt() / ((end - start) / 1e9));
            written += run.path("rowsWritten").asInt();
        }
        // the month starts once the services have taken the register in, as a county's would the day after going live
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(30).toNanos();
        long seen;
        while ((seen = countedOnDashboard(approver) - counted) < written && System.nanoTime() < deadline) {
            Api.pause(5_000);
        }
        System.out.printf("  the county's dashboard counts %,d of the %,d households %.1f s after the last file was "
                + "written%n", seen, written, (System.nanoTime() - start) / 1e9);
    }

    /** Households of the county in any status on its dashboard (timeline-service's read side). */
    private long countedOnDashboard(Api.User approver) {
        JsonNode byStatus = api.get("dashboard read", approver, "/api/dashboard?region=" + plan.county().code())
                .path("byStatus");
        long households = 0;
        for (JsonNode count : byStatus) {
            households += count.asLong();
        }
        return households;
    }

    /** Identified eight months before the month, on paper; recorded, assisted and (some) eliminated since. */
    private void history(Household household) {
        ifRegistered(household, id -> {
            YearMonth decided = identifiedIn;
            String lead = reportLead(household, decided.atDay(2), LeadChannel.CADRE_VISIT);
            verify(household, lead, decided.atDay(3));
            evaluate(household, lead, decided.atDay(4));
            townshipApproves(household, lead, decided.atDay(12));
            countyIdentifies(household, lead, decided.atDay(15));
            boolean stableSince = household.fate() != Household.Fate.AT_RISK;
            YearMonth last = household.fate() == Household.Fate.ELIMINATED ? month.minusMonths(2) : month.minusMonths(1);
            for (YearMonth recorded = decided; !recorded.isAfter(last); recorded = recorded.plusMonths(1)) {
                BigDecimal income = stableSince && recorded.isAfter(decided) ? above(household) : below(household);
                record(household, "history: monthly record", recorded, recorded.atDay(20), income);
            }
            if (stableSince) {
                String measure = api.postWhenReady("history: measure added", officer(household),
                        "/api/assistance/" + id + "/measures", Map.of("measureType",
                                DEVELOPMENTAL[household.index() % DEVELOPMENTAL.length],
                                "description", "开发式帮扶：稳定就业增收", "riskTypes", List.of(risk(household)),
                                "department", "乡村振兴局", "responsiblePerson", "帮扶责任人" + household.village().name(),
                                "dueDate", LocalDate.now(CHINA).plusDays(30).toString()),
                        step(household, "history-measure"), PATIENCE).get("measureId").asText();
                api.write("history: measure completed", officer(household), "PATCH",
                        "/api/assistance/" + id + "/measures/" + measure, Map.of("status", "COMPLETED",
                                "outcome", "稳定务工满三个月，收入稳定", "incomeEffect", 3600.00),
                        step(household, "measure-completed"));
                api.post("history: developmental confirmation (village)", officer(household),
                        "/api/assistance/" + id + "/developmental-assistance/confirmation", Map.of(),
                        step(household, "dev-village"));
                api.post("history: developmental confirmation (township)", reviewer(household),
                        "/api/assistance/" + id + "/developmental-assistance/confirmation", Map.of(),
                        step(household, "dev-township"));
            }
            if (household.fate() == Household.Fate.ELIMINATED) {
                eliminate(household, month.minusMonths(2));
                record(household, "history: look-back record", month.minusMonths(1), month.minusMonths(1).atDay(20),
                        above(household));
            }
            withHistory.add(household.index());
        });
    }

    private LocalDate reportedOn(Household household) {
        return month.atDay(1 + household.index() % 7);
    }

    private String reportLead(Household household, LocalDate on) {
        return reportLead(household, on, household.leadChannel());
    }

    private String reportLead(Household household, LocalDate on, LeadChannel channel) {
        String id = householdIds.get(household.index());
        if (id == null) {
            return null;
        }
        // data comparisons are the county's; self-reports and visits come in at the village
        Api.User reporter = channel == LeadChannel.DATA_COMPARISON ? approver(household) : officer(household);
        String description = switch (channel) {
            case SELF_REPORT -> "农户自主申报：家庭成员患病，收入下降";
            case DATA_COMPARISON -> "数据比对：家庭人均纯收入低于监测标准";
            default -> "入户走访发现：医疗支出大，家庭收入明显下降";
        };
        String lead = api.post("lead: report (" + channel + ")", reporter, "/api/leads",
                        Map.of("householdId", id, "channel", channel.name(), "description", description,
                                "reportedOn", on.toString()), step(household, "lead-" + on))
                .get("leadId").asText();
        leadIds.put(household.index(), lead);
        return lead;
    }

    private void departmentFile() {
        byte[] file = plan.departmentFile(options.departmentRows, month);
        long start = System.nanoTime();
        JsonNode receipt = api.upload("department file: upload", departmentOfficer,
                "/api/department-data/batches?fileName=sim-" + options.seed + "-" + month + ".csv", file,
                "department-file-" + options.seed + "-" + month);
        String batch = receipt.get("batchId").asText();
        JsonNode status;
        do {
            Api.pause(500);
            status = api.get("department file: progress read", departmentOfficer,
                    "/api/department-data/batches/" + batch).get("batch");
        } while (status.path("finishedAt").isNull() || status.path("finishedAt").isMissingNode());
        long end = System.nanoTime();
        metrics.record("department file: upload to screened", start, end,
                "COMPLETED".equals(status.path("status").asText()),
                status.toString());
        System.out.printf("  batch %s: %s, %d rows read, %d rejected, %d matched, %d hits (%d on monitored "
                        + "households, %d leads raised), %.1f s from upload to screened = %,.0f rows/s, %.1f MB%n",
                batch, status.path("status").asText(), status.path("rowsRead").asLong(),
                status.path("rowsRejected").asLong(), status.path("rowsMatched").asLong(),
                status.path("hits").asLong(), status.path("monitoredHits").asLong(),
                status.path("leadsRaised").asLong(), (end - start) / 1e9,
                status.path("rowsRead").asLong() / ((end - start) / 1e9), file.length / 1e6);
    }

    /** The lead identification opened on the department's hit, as the village sees it on the household. */
    private void departmentLead(Household household) {
        ifRegistered(household, id -> {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode seen = api.get("household read (open lead)", officer(household), "/api/households/" + id);
                if (seen.hasNonNull("openLeadId")) {
                    leadIds.put(household.index(), seen.get("openLeadId").asText());
                    return;
                }
                Api.pause(1_000);
            }
            metrics.record("department lead: picked up", System.nanoTime(), System.nanoTime(), false,
                    "no lead on household " + id + " within " + PATIENCE);
        });
    }

    private void procedure(Household household) {
        String lead = leadIds.get(household.index());
        if (lead == null) {
            return;
        }
        LocalDate reported = LocalDate.parse(api.get("lead read", officer(household), "/api/leads/" + lead)
                .path("lead").path("reportedOn").asText(reportedOn(household).toString()));
        verify(household, lead, reported.plusDays(1));
        evaluate(household, lead, reported.plusDays(2));
        LocalDate noticeFrom = reported.plusDays(2);
        if (household.returned()) {
            api.post("township review: RETURN", reviewer(household), "/api/leads/" + lead + "/township-review",
                    Map.of("decision", "RETURN", "reason", "收入核算漏计转移性收入，请重新核实",
                            "reviewedOn", noticeFrom.plusDays(8).toString()), step(household, "return"));
            verify(household, lead, noticeFrom.plusDays(9));
            noticeFrom = noticeFrom.plusDays(10);
            evaluate(household, lead, noticeFrom);
        }
        townshipApproves(household, lead, noticeFrom.plusDays(8));
        LocalDate decidedOn = noticeFrom.plusDays(10);
        if (household.rejected()) {
            api.post("county decision: REJECT", approver(household), "/api/leads/" + lead + "/county-decision",
                    Map.of("decision", "REJECT", "judgement", "家庭人均纯收入高于监测收入标准，刚性支出未超预警线",
                            "decidedOn", decidedOn.toString(), "backdatingNote", note(decidedOn, "县级审定会议纸质决定")),
                    step(household, "reject"));
        } else {
            countyIdentifies(household, lead, decidedOn);
        }
    }

    private void verify(Household household, String lead, LocalDate on) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("perCapitaNetIncome", household.income(),
                "labourCapacity", labourCapacity(household),
                "collector", "信息员" + household.village().name(), "householdConfirmed", true,
                "verifiedOn", on.toString()));
        if (household.fate() == Household.Fate.DEPARTMENT_HIT) {
            body.put("rigidExpenditures", Map.of("MEDICAL", new BigDecimal("12500.00")));
        }
        api.post("lead: verification (双签字)", officer(household), "/api/leads/" + lead + "/verification", body,
                step(household, "verify-" + on));
    }

    private void evaluate(Household household, String lead, LocalDate noticeFrom) {
        api.post("lead: village evaluation and notice", officer(household), "/api/leads/" + lead
                        + "/village-evaluation", Map.of("opinion", "经村两委、驻村工作队评议，同意纳入",
                        "noticeFrom", noticeFrom.toString()), step(household, "evaluate-" + noticeFrom));
    }

    private void townshipApproves(Household household, String lead, LocalDate on) {
        api.post("township review: APPROVE", reviewer(household), "/api/leads/" + lead + "/township-review",
                Map.of("decision", "APPROVE", "opinion", "经乡镇审核，情况属实", "reviewedOn", on.toString()),
                step(household, "approve-" + on));
    }

    private void countyIdentifies(Household household, String lead, LocalDate on) {
        api.post("county decision: IDENTIFY", approver(household), "/api/leads/" + lead + "/county-decision",
                Map.of("decision", "IDENTIFY", "objectType", OBJECT_TYPES[household.index() % OBJECT_TYPES.length],
                        "riskTypes", List.of(risk(household)), "decidedOn", on.toString(),
                        "backdatingNote", note(on, "县级审定会议纸质决定")), step(household, "identify-" + on));
        lag.offer(householdIds.get(household.index()), "HouseholdIdentified", 1, System.nanoTime());
    }

    /**
     * Every monitored household's record of the month, by the day of its visit: most in the days before the 25th,
     * when the month is reported (the visits of one day are sent together, the days one after another).
     */
    private void monthlyRecords(List<Household> monitored) throws Exception {
        Map<Integer, List<Household>> byDay = new TreeMap<>();
        for (Household household : monitored) {
            byDay.computeIfAbsent(visitDay(household), day -> new ArrayList<>()).add(household);
        }
        long start = System.nanoTime();
        StringBuilder spread = new StringBuilder();
        for (Map.Entry<Integer, List<Household>> day : byDay.entrySet()) {
            spread.append(day.getKey()).append(':').append(day.getValue().size()).append(' ');
            forEach(day.getValue(), household -> ifRegistered(household, id -> {
                boolean poor = household.fate() == Household.Fate.AT_RISK
                        || household.fate() == Household.Fate.ELIMINATED && household.rolledBack();
                record(household, "monthly record", month, month.atDay(day.getKey()),
                        poor ? below(household) : above(household));
            }));
        }
        System.out.printf("%n-- month %s: monthly records by day of visit (day:records) %s-- %.1f s%n", month,
                spread, (System.nanoTime() - start) / 1e9);
    }

    private int visitDay(Household household) {
        SplittableRandom random = new SplittableRandom(options.seed * 31 + household.index());
        return Math.max(1, 25 - (int) Math.abs(random.nextGaussian() * 4));
    }

    private void record(Household household, String operation, YearMonth recorded, LocalDate on, BigDecimal income) {
        String id = householdIds.get(household.index());
        // the first waits until monitoring has started on the county's decision (over Kafka)
        api.postWhenReady(operation, officer(household), "/api/monitoring/" + id + "/records",
                household.index() % 4 == 0
                        ? Map.of("month", recorded.toString(), "perCapitaNetIncome", income, "contactMethod", "PHONE",
                                "noVisitReason", "外出务工，电话回访", "recordedOn", on.toString())
                        : Map.of("month", recorded.toString(), "perCapitaNetIncome", income, "contactMethod",
                                "HOME_VISIT", "recordedOn", on.toString()),
                step(household, "record-" + recorded), PATIENCE);
        int count = records.computeIfAbsent(household.index(), index -> new AtomicInteger()).incrementAndGet();
        lag.offer(id, "MonthlyMonitoringRecorded", count, System.nanoTime());
    }

    private void measures(Household household) {
        ifRegistered(household, id -> {
            String measure = addMeasure(household, "measure added");
            api.write("measure progress", officer(household), "PATCH", "/api/assistance/" + id + "/measures/" + measure,
                    Map.of("status", "IN_PROGRESS", "progressNote", "已落实，跟踪中", "incomeEffect", 1800.00),
                    step(household, "measure-progress-" + month));
        });
    }

    private String addMeasure(Household household, String operation) {
        String id = householdIds.get(household.index());
        int kind = household.index() % RISKS.length;
        return api.postWhenReady(operation, officer(household), "/api/assistance/" + id + "/measures", Map.of(
                        "measureType", MEASURES[kind], "description", "针对" + RISKS[kind] + "风险的帮扶措施",
                        "riskTypes", List.of(RISKS[kind]), "department", "乡村振兴局",
                        "responsiblePerson", "帮扶责任人" + household.village().name(),
                        "dueDate", LocalDate.now(CHINA).plusDays(30).toString()),
                step(household, operation + "-" + month), PATIENCE).get("measureId").asText();
    }

    /** Proposed on the 25th (once assistance-service has the month's record), verified on the 26th, approved the 27th. */
    private void eliminate(Household household, YearMonth in) {
        ifRegistered(household, id -> {
            api.postWhenReady("elimination: village proposal", officer(household),
                    "/api/assistance/" + id + "/elimination/propose", Map.of("proposedOn", in.atDay(25).toString(),
                            "backdatingNote", note(in.atDay(25), "村级申请纸质记录")), step(household, "propose-" + in),
                    PATIENCE, true);
            api.post("elimination: township verification", reviewer(household),
                    "/api/assistance/" + id + "/elimination/verify", Map.of("verifiedOn", in.atDay(26).toString(),
                            "backdatingNote", note(in.atDay(26), "乡镇核实纸质记录")), step(household, "verify-" + in));
            api.post("elimination: county approval", approver(household),
                    "/api/assistance/" + id + "/elimination/approve", Map.of("approvedOn", in.atDay(27).toString(),
                            "backdatingNote", note(in.atDay(27), "县级审定会议纸质决定")), step(household, "approve-" + in));
        });
    }

    /** The look-back found the household poorer: the village proposes the rollback once the warning is there. */
    private void rollback(Household household) {
        ifRegistered(household, id -> {
            api.postWhenReady("rollback: village proposal", officer(household),
                    "/api/assistance/" + id + "/rollback/propose", Map.of("reason", "回头看发现务工中断，收入回落",
                            "proposedOn", month.atDay(26).toString(), "backdatingNote",
                            note(month.atDay(26), "回头看纸质记录")), step(household, "rollback-propose"), PATIENCE,
                    true);
            api.post("rollback: township verification", reviewer(household),
                    "/api/assistance/" + id + "/rollback/verify", Map.of("verifiedOn", month.atDay(27).toString(),
                            "backdatingNote", note(month.atDay(27), "乡镇审核纸质记录")),
                    step(household, "rollback-verify"));
            api.post("rollback: county approval", approver(household),
                    "/api/assistance/" + id + "/rollback/approve", Map.of("approvedOn", month.atDay(28).toString(),
                            "backdatingNote", note(month.atDay(28), "县级审定会议纸质决定")),
                    step(household, "rollback-approve"));
        });
    }

    // ---------------------------------------------------------------- plumbing

    private void phase(String name, List<Household> households, Consumer<Household> step) throws Exception {
        long start = System.nanoTime();
        forEach(households, step);
        System.out.printf("-- %s: %d households, %.1f s%n", name, households.size(), (System.nanoTime() - start) / 1e9);
    }

    private void timed(String name, Runnable step) {
        long start = System.nanoTime();
        try {
            step.run();
        } catch (Api.Failure failed) {
            System.out.println("  failed: " + failed.getMessage());
        }
        System.out.printf("-- %s: %.1f s%n", name, (System.nanoTime() - start) / 1e9);
    }

    /** Runs the step for every household on the pool; a household whose step fails stops there (counted). */
    private void forEach(List<Household> households, Consumer<Household> step) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (Household household : households) {
            running.add(pool.submit(() -> {
                try {
                    step.accept(household);
                } catch (Api.Failure failed) {
                    // recorded under its operation
                } catch (RuntimeException bug) {
                    bug.printStackTrace();
                }
            }));
        }
        for (Future<?> future : running) {
            future.get(1, TimeUnit.HOURS);
        }
    }

    private void ifRegistered(Household household, Consumer<String> step) {
        String id = householdIds.get(household.index());
        if (id != null) {
            step.accept(id);
        }
    }

    private Api.User officer(Household household) {
        return officers.get(household.village().code());
    }

    private Api.User reviewer(Household household) {
        return reviewers.get(household.village().townshipCode());
    }

    private Api.User approver(Household household) {
        return approvers.get(household.index() % approvers.size());
    }

    /** Households headed for elimination can work: developmental assistance (开发式帮扶) needs labour capacity. */
    private static String labourCapacity(Household household) {
        boolean mustWork = household.fate() == Household.Fate.STABLE || household.fate() == Household.Fate.ELIMINATED;
        return household.index() % 5 == 0 && !mustWork ? "NONE" : household.index() % 3 == 0 ? "PARTIAL" : "FULL";
    }

    private static String risk(Household household) {
        return RISKS[household.index() % RISKS.length];
    }

    private static BigDecimal above(Household household) {
        return new BigDecimal(9_000 + household.index() % 7 * 350).setScale(2);
    }

    private static BigDecimal below(Household household) {
        return new BigDecimal(5_600 + household.index() % 7 * 300).setScale(2);
    }

    /** 补录说明 for a step dated in the past (the services ask for one beyond the policy's days). */
    private static String note(LocalDate on, String paper) {
        return on.getMonthValue() + "月" + on.getDayOfMonth() + "日" + paper + "，系统补录";
    }

    /** The Idempotency-Key's source: the run's seed, the household and the step. */
    private String step(Household household, String step) {
        return "sim-" + options.seed + "-" + household.index() + "-" + step;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    /** The command line: --name value. */
    static final class Options {
        String gateway = "http://127.0.0.1:8080";
        String keycloak = "http://127.0.0.1:8180";
        String keycloakAdminPassword = "admin";
        String county = "150724";
        long seed = 1;
        int householdsPerVillage = 30;
        double monitoredShare = 0.04;
        double leadShare = 0.01;
        double departmentHitShare = 0.005;
        int departmentRows = 100_000;
        int concurrency = 16;
        int probers = 2;
        int lagEvery = 10;
        boolean goLiveImport;
        Map<String, String> services = new LinkedHashMap<>(Map.of());

        static Options parse(String[] args) {
            Options options = new Options();
            options.services.put("identification-service", "http://127.0.0.1:8081");
            options.services.put("monitoring-service", "http://127.0.0.1:8082");
            options.services.put("assistance-service", "http://127.0.0.1:8083");
            options.services.put("timeline-service", "http://127.0.0.1:8084");
            options.services.put("gateway", "http://127.0.0.1:8080");
            for (int i = 0; i < args.length; i += 2) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--gateway" -> options.gateway = value;
                    case "--keycloak" -> options.keycloak = value;
                    case "--keycloak-admin-password" -> options.keycloakAdminPassword = value;
                    case "--county" -> options.county = value;
                    case "--seed" -> options.seed = Long.parseLong(value);
                    case "--households-per-village" -> options.householdsPerVillage = Integer.parseInt(value);
                    case "--monitored-share" -> options.monitoredShare = Double.parseDouble(value);
                    case "--lead-share" -> options.leadShare = Double.parseDouble(value);
                    case "--department-hit-share" -> options.departmentHitShare = Double.parseDouble(value);
                    case "--department-rows" -> options.departmentRows = Integer.parseInt(value);
                    case "--concurrency" -> options.concurrency = Integer.parseInt(value);
                    case "--lag-probers" -> options.probers = Integer.parseInt(value);
                    case "--lag-every" -> options.lagEvery = Integer.parseInt(value);
                    case "--go-live-import" -> options.goLiveImport = Boolean.parseBoolean(value);
                    case "--service" -> {
                        String[] nameAndUrl = value.split("=", 2);
                        options.services.put(nameAndUrl[0], nameAndUrl[1]);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (see deploy/local/simulate.sh --help)");
                }
            }
            return options;
        }
    }
}
