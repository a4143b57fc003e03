package org.fangpin.monitoring.process.department;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.monitoring.DepartmentLeadRaised;
import org.fangpin.contracts.value.Department;
import org.fangpin.monitoring.command.Commands.DepartmentHit;
import org.fangpin.monitoring.command.Commands.ScreenDepartmentHitsCommand;
import org.fangpin.monitoring.command.Indicator;
import org.fangpin.monitoring.process.DirectEvents;
import org.fangpin.platform.axon.EventStreamPrefetch;
import org.fangpin.platform.policy.PolicyBook;

/**
 * Screens a staged batch with SQL against the registry replica: a row hits when it concerns a registered household
 * within the uploader's region and its amount is above the policy line of the household's region and year (a
 * status indicator hits by itself). Only the hits become events, in short transactions of a few hundred households:
 * warnings on monitored households (one command per household), department leads on the others (one per
 * household and batch, the strongest hit).
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

    record Batch(String batchId, Department department, String regionCode, String status) {
    }

    /** How many staged rows concern a registered household of the uploader's region, and the days they span. */
    record Matches(long count, LocalDate firstDay, LocalDate lastDay) {
    }

    record HitRow(String householdId, String regionCode, Indicator indicator, BigDecimal value, BigDecimal threshold,
                  LocalDate reportedOn) {
    }

    /** Screens a batch in {@code SCREENING} and publishes its hits; resumes the publishing of one interrupted. */
    public void screen(String batchId) {
        Batch batch = jdbc.sql("SELECT batch_id, department, region_code, status FROM department_batch "
                        + "WHERE batch_id = :id")
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
     * The matches are counted, and the years they span found, by one query that PostgreSQL may run in parallel (a
     * statement that writes never is). The policy lines of every region of the uploader's registry and each of those
     * years are set down next; then only the rows that can be above a line (a status, or an amount above the lowest
     * line) are joined again, to be judged against their line and kept as hits, as a hit is rare.
     */
    private void findHits(Batch batch) {
        String staged = Staging.table(batch.batchId());
        List<String> regions = jdbc.sql("""
                        SELECT DISTINCT region_code FROM registry_household WHERE region_code LIKE :region || '%'""")
                .param("region", batch.regionCode()).query(String.class).list();
        List<Indicator> amounts = Arrays.stream(Indicator.values())
                .filter(i -> i.department() == batch.department() && i.isAmount()).toList();
        List<String> statuses = Arrays.stream(Indicator.values())
                .filter(i -> i.department() == batch.department() && !i.isAmount()).map(Enum::name).toList();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL work_mem = '256MB'").update();
            Matches matches = jdbc.sql("""
                            SELECT count(*) AS count, min(r.reported_on) AS first_day, max(r.reported_on) AS last_day
                            FROM %s r
                            LEFT JOIN registry_member m ON m.id_number = r.id_number
                            JOIN registry_household h ON h.household_id = COALESCE(m.household_id, r.household_id)
                            WHERE h.region_code LIKE :region || '%%'""".formatted(staged))
                    .param("region", batch.regionCode())
                    .query(Matches.class).single();
            BigDecimal lowestLine = null;
            for (String region : matches.count() == 0 ? List.<String>of() : regions) {
                for (int year = matches.firstDay().getYear(); year <= matches.lastDay().getYear(); year++) {
                    PolicyThresholds thresholds = policy.thresholds(region, year).orElse(null);
                    if (thresholds == null) {
                        continue;
                    }
                    for (Indicator indicator : amounts) {
                        BigDecimal line = indicator.line(thresholds).orElse(null);
                        if (line != null) {
                            jdbc.sql("""
                                            INSERT INTO screening_line (batch_id, region_code, year, indicator, line)
                                            VALUES (:id, :region, :year, :indicator, :line)""")
                                    .param("id", batch.batchId()).param("region", region).param("year", year)
                                    .param("indicator", indicator.name()).param("line", line)
                                    .update();
                            lowestLine = lowestLine == null || line.compareTo(lowestLine) < 0 ? line : lowestLine;
                        }
                    }
                }
            }
            // Found by CREATE TABLE AS, which PostgreSQL may run in parallel (INSERT ... SELECT it never does), then
            // kept: the hits are few, the candidates (every amount above the lowest line) are not.
            jdbc.sql("""
                            CREATE TEMPORARY TABLE screened_hit ON COMMIT DROP AS
                            SELECT r.line_no, h.household_id, h.region_code, r.indicator, r.value, l.line AS threshold,
                                   r.reported_on, mh.household_id IS NOT NULL AS monitored
                            FROM (SELECT * FROM %s WHERE indicator IN (:statuses) OR value > :candidateAbove) r
                            LEFT JOIN registry_member m ON m.id_number = r.id_number
                            JOIN registry_household h ON h.household_id = COALESCE(m.household_id, r.household_id)
                            LEFT JOIN screening_line l ON l.batch_id = :id AND l.region_code = h.region_code
                                 AND l.year = EXTRACT(YEAR FROM r.reported_on) AND l.indicator = r.indicator
                            LEFT JOIN monitored_household mh ON mh.household_id = h.household_id
                                 AND mh.closed_on IS NULL
                            WHERE h.region_code LIKE :region || '%%' AND (r.indicator IN (:statuses) OR r.value > l.line)
                            """.formatted(staged))
                    .param("id", batch.batchId()).param("region", batch.regionCode())
                    .param("statuses", statuses.isEmpty() ? List.of("") : statuses)
                    .param("candidateAbove", lowestLine)
                    .update();
            int hits = jdbc.sql("""
                            INSERT INTO department_hit (batch_id, line_no, household_id, region_code, indicator, value,
                                threshold, reported_on, monitored)
                            SELECT :id, line_no, household_id, region_code, indicator, value, threshold, reported_on,
                                   monitored
                            FROM screened_hit
                            ON CONFLICT DO NOTHING""")
                    .param("id", batch.batchId())
                    .update();
            jdbc.sql("""
                            UPDATE department_batch SET rows_matched = :matched, hits = :hits, status = 'PUBLISHING'
                            WHERE batch_id = :id""")
                    .param("matched", matches.count()).param("hits", hits)
                    .param("id", batch.batchId()).update();
            jdbc.sql("DELETE FROM screening_line WHERE batch_id = :id").param("id", batch.batchId()).update();
            jdbc.sql("DROP TABLE " + staged).update();
        });
    }

    /** Hits on monitored households: one command per household with all its hits of the batch. */
    private void publishWarnings(Batch batch) {
        LocalDate today = LocalDate.now(clock);
        for (List<String> households = pending(batch, true, MONITORED_CHUNK); !households.isEmpty();
             households = pending(batch, true, MONITORED_CHUNK)) {
            Map<String, List<HitRow>> hits = hitsOf(batch, households).stream()
                    .collect(Collectors.groupingBy(HitRow::householdId));
            List<String> chunk = households;
            transactions.executeWithoutResult(status -> {
                prefetch.prefetch(hits.keySet());
                hits.forEach((householdId, rows) -> commands.sendAndWait(new ScreenDepartmentHitsCommand(householdId,
                        batch.batchId(), rows.stream().map(row -> new DepartmentHit(row.indicator(), row.value(),
                        row.threshold(), row.reportedOn())).toList(), today)));
                processed(batch, chunk, "monitored_hits");
            });
        }
    }

    /** Hits on households not monitored: one lead per household, its strongest hit. */
    private void publishLeads(Batch batch) {
        for (List<String> households = pending(batch, false, LEAD_CHUNK); !households.isEmpty();
             households = pending(batch, false, LEAD_CHUNK)) {
            List<DepartmentLeadRaised> leads = jdbc.sql("""
                            SELECT DISTINCT ON (household_id) household_id, region_code, indicator, value, threshold,
                                   reported_on
                            FROM department_hit
                            WHERE batch_id = :id AND household_id IN (:households) AND NOT processed
                            ORDER BY household_id, value DESC NULLS LAST, line_no""")
                    .param("id", batch.batchId()).param("households", households)
                    .query(HitRow.class).list().stream()
                    .map(hit -> new DepartmentLeadRaised(hit.householdId(), hit.regionCode(), batch.batchId(),
                            batch.department().name(), hit.indicator().name(), hit.value(), hit.threshold(),
                            hit.reportedOn()))
                    .toList();
            List<String> chunk = households;
            transactions.executeWithoutResult(status -> {
                events.publish(leads);
                processed(batch, chunk, "leads_raised");
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

    /** Marks the households' hits done and counts them, in the transaction of their events. */
    private void processed(Batch batch, List<String> households, String counter) {
        jdbc.sql("UPDATE department_hit SET processed = TRUE WHERE batch_id = :id AND household_id IN (:households)")
                .param("id", batch.batchId()).param("households", households).update();
        jdbc.sql("UPDATE department_batch SET " + counter + " = " + counter + " + :count WHERE batch_id = :id")
                .param("count", households.size()).param("id", batch.batchId()).update();
    }
}
