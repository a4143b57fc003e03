package org.fangpin.monitoring.process.department;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.monitoring.DepartmentLeadRaised;
import org.fangpin.contracts.trust.ActingClaims;
import org.fangpin.contracts.value.Department;
import org.fangpin.contracts.value.WarningGrades;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.monitoring.command.Commands.DepartmentHit;
import org.fangpin.monitoring.command.Commands.ScreenDepartmentHitsCommand;
import org.fangpin.monitoring.command.Indicator;
import org.fangpin.monitoring.process.DirectEvents;
import org.fangpin.platform.axon.EventStreamPrefetch;
import org.fangpin.platform.jdbc.Like;
import org.fangpin.platform.policy.PolicyBook;

/**
 * Screens a staged batch with SQL against the registry replica: a row hits when it concerns a registered household
 * within the uploader's region and its amount is above the policy line of the household's region and year (a
 * status indicator hits by itself). Only the hits become events, in short transactions of a few hundred households:
 * warnings on monitored households (one command per household, each hit graded by the policy of the household's
 * region and the row's year), department leads on the others (one per household and indicator of the batch, the
 * strongest row of it, with its reason).
 */
@Component
public class DepartmentScreening {

    private static final Logger log = LoggerFactory.getLogger(DepartmentScreening.class);
    private static final int MONITORED_CHUNK = 100;
    private static final int LEAD_CHUNK = 500;

    private final JdbcClient jdbc;
    private final PolicyBook policy;
    private final CommandGateway commands;
    private final DirectEvents events;
    private final TransactionTemplate transactions;
    private final EventStreamPrefetch prefetch;
    private final Clock clock;

    DepartmentScreening(JdbcClient jdbc, PolicyBook policy, CommandGateway commands, DirectEvents events,
                        TransactionTemplate transactions, EventStreamPrefetch prefetch, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.commands = commands;
        this.events = events;
        this.transactions = transactions;
        this.prefetch = prefetch;
        this.clock = clock;
    }

    /** @param firstReportedOn the first day the staged rows report on; none when no row was staged */
    record Batch(String batchId, Department department, String regionCode, String status, LocalDate firstReportedOn,
                 LocalDate lastReportedOn) {
    }

    record HitRow(String householdId, String regionCode, Indicator indicator, BigDecimal value, BigDecimal threshold,
                  LocalDate reportedOn) {
    }

    /** Screens a batch in {@code SCREENING} and publishes its hits; resumes the publishing of one interrupted. */
    public void screen(String batchId) {
        Batch batch = jdbc.sql("SELECT batch_id, department, region_code, status, first_reported_on, "
                        + "last_reported_on FROM department_batch WHERE batch_id = :id")
                .param("id", batchId).query(Batch.class).single();
        try {
            if ("SCREENING".equals(batch.status())) {
                findHits(batch);
            }
            publishWarnings(batch);
            publishLeads(batch);
            jdbc.sql("UPDATE department_batch SET status = 'COMPLETED', finished_at = :at WHERE batch_id = :id")
                    .param("at", Timestamp.from(clock.instant())).param("id", batchId).update();
        } catch (RuntimeException e) {
            log.error("department batch {} failed during screening", batchId, e);
            jdbc.sql("UPDATE department_batch SET status = 'FAILED', failure = :failure, finished_at = :at "
                            + "WHERE batch_id = :id")
                    .param("failure", "筛查中断：" + e.getClass().getSimpleName())
                    .param("at", Timestamp.from(clock.instant())).param("id", batchId).update();
        }
    }

    /**
     * One pass over the staged rows, which PostgreSQL may run in parallel (a statement that only writes what it
     * found, {@code CREATE TABLE AS}, may be; {@code INSERT ... SELECT} never is): each row of a registered household
     * in the uploader's region is judged against the policy line of the household's region and the row's year, set
     * down first for every region and each year the file spans. The matched rows are grouped so that every hit is a
     * group of its own (keyed by its line number) and all other matches one group, of which only the count is kept:
     * the few hits and the count come out of the same scan and the same joins.
     */
    private void findHits(Batch batch) {
        String staged = Staging.table(batch.batchId());
        List<Indicator> amounts = Arrays.stream(Indicator.values())
                .filter(i -> i.department() == batch.department() && i.isAmount()).toList();
        List<String> statuses = Arrays.stream(Indicator.values())
                .filter(i -> i.department() == batch.department() && !i.isAmount()).map(Enum::name).toList();
        String within = Like.startsWith(ActingClaims.prefix(batch.regionCode()));
        List<String> regions = batch.firstReportedOn() == null ? List.of() : jdbc.sql("""
                        SELECT DISTINCT region_code FROM registry_household WHERE region_code LIKE :region""")
                .param("region", within).query(String.class).list();
        transactions.executeWithoutResult(status -> {
            for (String region : regions) {
                for (int year = batch.firstReportedOn().getYear(); year <= batch.lastReportedOn().getYear(); year++) {
                    PolicyThresholds thresholds = policy.thresholds(region, year).orElse(null);
                    for (Indicator indicator : thresholds == null ? List.<Indicator>of() : amounts) {
                        BigDecimal line = indicator.line(thresholds).orElse(null);
                        if (line != null) {
                            jdbc.sql("""
                                            INSERT INTO screening_line (batch_id, region_code, year, indicator, line)
                                            VALUES (:id, :region, :year, :indicator, :line)""")
                                    .param("id", batch.batchId()).param("region", region).param("year", year)
                                    .param("indicator", indicator.name()).param("line", line)
                                    .update();
                        }
                    }
                }
            }
            jdbc.sql("SET LOCAL work_mem = '256MB'").update();
            // A hit's group holds that one row, so min() of each column is the row's own value.
            jdbc.sql("""
                            CREATE TEMPORARY TABLE screened ON COMMIT DROP AS
                            SELECT CASE WHEN hit THEN line_no END AS line_no, count(*) AS matched,
                                   min(household_id) AS household_id, min(region_code) AS region_code,
                                   min(indicator) AS indicator, min(value) AS value, min(threshold) AS threshold,
                                   min(reported_on) AS reported_on, bool_or(monitored) AS monitored
                            FROM (SELECT r.line_no, h.household_id, h.region_code, r.indicator, r.value,
                                         l.line AS threshold, r.reported_on, mh.household_id IS NOT NULL AS monitored,
                                         COALESCE(r.indicator IN (:statuses) OR r.value > l.line, FALSE) AS hit
                                  FROM %s r
                                  LEFT JOIN registry_member m ON m.id_number = r.id_number
                                  JOIN registry_household h ON h.household_id = COALESCE(m.household_id, r.household_id)
                                  LEFT JOIN screening_line l ON l.batch_id = :id AND l.region_code = h.region_code
                                       AND l.year = EXTRACT(YEAR FROM r.reported_on) AND l.indicator = r.indicator
                                  LEFT JOIN monitored_household mh ON mh.household_id = h.household_id
                                       AND mh.closed_on IS NULL
                                  WHERE h.region_code LIKE :region) matched
                            GROUP BY 1""".formatted(staged))
                    .param("id", batch.batchId()).param("region", within)
                    .param("statuses", statuses.isEmpty() ? List.of("") : statuses)
                    .update();
            long matched = jdbc.sql("SELECT COALESCE(sum(matched), 0) FROM screened").query(Long.class).single();
            int hits = jdbc.sql("""
                            INSERT INTO department_hit (batch_id, line_no, household_id, region_code, indicator, value,
                                threshold, reported_on, monitored)
                            SELECT :id, line_no, household_id, region_code, indicator, value, threshold, reported_on,
                                   monitored
                            FROM screened WHERE line_no IS NOT NULL
                            ON CONFLICT DO NOTHING""")
                    .param("id", batch.batchId())
                    .update();
            jdbc.sql("""
                            UPDATE department_batch SET rows_matched = :matched, hits = :hits, status = 'PUBLISHING'
                            WHERE batch_id = :id""")
                    .param("matched", matched).param("hits", hits)
                    .param("id", batch.batchId()).update();
            jdbc.sql("DELETE FROM screening_line WHERE batch_id = :id").param("id", batch.batchId()).update();
            jdbc.sql("DROP TABLE " + staged).update();
        });
    }

    /** Hits on monitored households: one command per household with all its hits of the batch. */
    private void publishWarnings(Batch batch) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Optional<PolicyThresholds>> policies = new HashMap<>();
        for (List<String> households = pending(batch, true, MONITORED_CHUNK); !households.isEmpty();
             households = pending(batch, true, MONITORED_CHUNK)) {
            Map<String, List<DepartmentHit>> hits = hitsOf(batch, households).stream()
                    .collect(Collectors.groupingBy(HitRow::householdId, Collectors.mapping(
                            row -> new DepartmentHit(row.indicator(), row.value(), row.threshold(), row.reportedOn(),
                                    level(row, policies)), Collectors.toList())));
            List<String> chunk = households;
            transactions.executeWithoutResult(status -> {
                prefetch.prefetch(hits.keySet());
                hits.forEach((householdId, found) -> commands.sendAndWait(new ScreenDepartmentHitsCommand(
                        householdId, batch.batchId(), found, today)));
                processed(batch, chunk, "monitored_hits", chunk.size());
            });
        }
    }

    /**
     * The level the policy of the household's region and the row's year grades the indicator with; the work plans'
     * grade where no policy covers them (a status row needs no line, so its region may have none).
     */
    private WarningLevel level(HitRow row, Map<String, Optional<PolicyThresholds>> policies) {
        int year = row.reportedOn().getYear();
        String rule = row.indicator().rule();
        return policies.computeIfAbsent(row.regionCode() + "/" + year, key -> policy.thresholds(row.regionCode(), year))
                .map(thresholds -> thresholds.warningLevel(rule)).orElseGet(() -> WarningGrades.baseline(rule));
    }

    /**
     * Hits on households not monitored: one lead per household and indicator, the strongest row of that indicator
     * (the highest amount; for a status, the first row), with its reason, so that identification learns every kind
     * of risk the department reported and no household gets a lead per row of a monthly series.
     */
    private void publishLeads(Batch batch) {
        for (List<String> households = pending(batch, false, LEAD_CHUNK); !households.isEmpty();
             households = pending(batch, false, LEAD_CHUNK)) {
            List<DepartmentLeadRaised> leads = jdbc.sql("""
                            SELECT DISTINCT ON (household_id, indicator) household_id, region_code, indicator, value,
                                   threshold, reported_on
                            FROM department_hit
                            WHERE batch_id = :id AND household_id IN (:households) AND NOT processed
                            ORDER BY household_id, indicator, value DESC NULLS LAST, line_no""")
                    .param("id", batch.batchId()).param("households", households)
                    .query(HitRow.class).list().stream()
                    .map(hit -> new DepartmentLeadRaised(hit.householdId(), hit.regionCode(), batch.batchId(),
                            batch.department().name(), hit.indicator().name(), hit.value(), hit.threshold(),
                            hit.reportedOn(), hit.indicator().reason(hit.value(), hit.threshold())))
                    .toList();
            List<String> chunk = households;
            transactions.executeWithoutResult(status -> {
                events.publish(leads);
                processed(batch, chunk, "leads_raised", leads.size());
            });
        }
    }

    private List<String> pending(Batch batch, boolean monitored, int limit) {
        return jdbc.sql("""
                        SELECT DISTINCT household_id FROM department_hit
                        WHERE batch_id = :id AND monitored = :monitored AND NOT processed
                        ORDER BY household_id LIMIT :limit""")
                .param("id", batch.batchId()).param("monitored", monitored).param("limit", limit)
                .query(String.class).list();
    }

    private List<HitRow> hitsOf(Batch batch, List<String> households) {
        return jdbc.sql("""
                        SELECT household_id, region_code, indicator, value, threshold, reported_on
                        FROM department_hit
                        WHERE batch_id = :id AND household_id IN (:households) AND NOT processed
                        ORDER BY household_id, line_no""")
                .param("id", batch.batchId()).param("households", households)
                .query(HitRow.class).list();
    }

    /** Marks the households' hits done and counts what they became, in the transaction of their events. */
    private void processed(Batch batch, List<String> households, String counter, int count) {
        jdbc.sql("UPDATE department_hit SET processed = TRUE WHERE batch_id = :id AND household_id IN (:households)")
                .param("id", batch.batchId()).param("households", households).update();
        jdbc.sql("UPDATE department_batch SET " + counter + " = " + counter + " + :count WHERE batch_id = :id")
                .param("count", count).param("id", batch.batchId()).update();
    }
}
