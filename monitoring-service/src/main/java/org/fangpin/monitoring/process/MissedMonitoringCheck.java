package org.fangpin.monitoring.process;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.monitoring.MissedMonitoringChecked;
import org.fangpin.monitoring.command.Commands.FlagMissedMonitoringCommand;
import org.fangpin.monitoring.query.DueVisits;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.jdbc.Like;
import org.fangpin.platform.policy.PolicyBook;

/**
 * 漏测: the households whose month is still unrecorded on the reporting day of their region's policy
 * ({@code monthlyMonitoringDueDay} of the village's region and the month's year; regions may differ) are flagged,
 * village by village, in short transactions. Every night the months whose reporting day ended the day before are
 * checked; the county may check its region on demand, the reporting day itself included. This month and the one
 * before are checked, so a night the service was down is made good; the aggregate flags a month only once, so two
 * replicas checking at once flag each household once.
 */
@Component
public class MissedMonitoringCheck {

    private static final Logger log = LoggerFactory.getLogger(MissedMonitoringCheck.class);
    private static final int CHUNK = 200;
    private static final int ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final PolicyBook policy;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final DirectEvents events;
    private final Clock clock;

    MissedMonitoringCheck(JdbcClient jdbc, PolicyBook policy, CommandGateway commands,
                          TransactionTemplate transactions, DirectEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.commands = commands;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** What a check found: the months whose reporting day had come somewhere in the region, and who was flagged. */
    public record Checked(String checkId, String regionCode, LocalDate checkedOn, List<YearMonth> months,
                          int householdsFlagged) {
    }

    /** The scheduled check, the one entry point of scheduled work in this class. */
    @Scheduled(cron = "${fangpin.monitoring.missed-check-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "monitoring.missed-check", lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
    void onSchedule() {
        Checked checked = flag(LocalDate.now(clock));
        log.info("missed monthly monitoring checked for {}: {} households flagged", checked.months(),
                checked.householdsFlagged());
    }

    /** The night's check on {@code today}: the months whose reporting day ended before today, in every region. */
    public Checked flag(LocalDate today) {
        String checkId = UUID.randomUUID().toString();
        return RequestContext.runAs(Actor.system("monitoring-service"), "missed-check-" + checkId,
                () -> check(checkId, "", today.minusDays(1), today));
    }

    /**
     * 漏测核查 on demand, by the current actor (the county) for a region of theirs: the months whose reporting day has
     * come, today's included, so the county need not wait for the night. Who ran it and when is published
     * ({@link MissedMonitoringChecked}) whether or not anybody was missed.
     */
    public Checked checkNow(String regionPrefix) {
        LocalDate today = LocalDate.now(clock);
        Checked checked = check(UUID.randomUUID().toString(), regionPrefix, today, today);
        transactions.executeWithoutResult(status -> events.publish(List.of(new MissedMonitoringChecked(
                checked.checkId(), regionPrefix, today, checked.months(), checked.householdsFlagged()))));
        return checked;
    }

    /** @param dueBy the last reporting day whose months are checked */
    private Checked check(String checkId, String regionPrefix, LocalDate dueBy, LocalDate today) {
        SortedSet<YearMonth> months = new TreeSet<>();
        int flagged = 0;
        for (YearMonth month : List.of(YearMonth.from(today).minusMonths(1), YearMonth.from(today))) {
            for (String village : villages(regionPrefix)) {
                PolicyThresholds thresholds = policy.thresholds(village, month.getYear()).orElse(null);
                if (thresholds == null) {
                    continue;
                }
                int dueDay = thresholds.monthlyMonitoringDueDay();
                LocalDate due = DueVisits.reportingDay(month, dueDay);
                if (due.isAfter(dueBy)) {
                    continue;
                }
                months.add(month);
                flagged += flagVillage(village, month, dueDay, due, today);
            }
        }
        return new Checked(checkId, regionPrefix, today, List.copyOf(months), flagged);
    }

    /**
     * Flags the village's unrecorded households in chunks. A chunk that met a household flagged at the same moment
     * elsewhere (another replica's check) changed nothing; the village is read again without the households flagged
     * meanwhile.
     */
    private int flagVillage(String village, YearMonth month, int dueDay, LocalDate due, LocalDate today) {
        int flagged = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                List<String> unrecorded = unrecorded(village, month, due);
                for (int from = 0; from < unrecorded.size(); from += CHUNK) {
                    List<String> chunk = unrecorded.subList(from, Math.min(from + CHUNK, unrecorded.size()));
                    flagged += transactions.execute(status -> (int) chunk.stream()
                            .filter(householdId -> commands.<Boolean>sendAndWait(
                                    new FlagMissedMonitoringCommand(householdId, month, dueDay, today)))
                            .count());
                }
                return flagged;
            } catch (ConcurrencyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.warn("village {} was being checked for {} at the same time elsewhere; reading it again", village,
                        month);
            }
        }
    }

    private List<String> villages(String regionPrefix) {
        return jdbc.sql("""
                        SELECT DISTINCT region_code FROM monitored_household
                        WHERE closed_on IS NULL AND region_code LIKE :region
                        ORDER BY region_code""")
                .param("region", Like.startsWith(regionPrefix))
                .query(String.class).list();
    }

    private List<String> unrecorded(String village, YearMonth month, LocalDate due) {
        return jdbc.sql("""
                        SELECT h.household_id FROM monitored_household h
                        WHERE h.region_code = :village AND h.started_on <= :due AND h.closed_on IS NULL
                          AND NOT EXISTS (SELECT 1 FROM monthly_record r
                                          WHERE r.household_id = h.household_id AND r.month = :month)
                          AND NOT EXISTS (SELECT 1 FROM missed_monitoring m
                                          WHERE m.household_id = h.household_id AND m.month = :month)
                        ORDER BY h.household_id""")
                .param("village", village)
                .param("month", month.atDay(1))
                .param("due", due)
                .query(String.class).list();
    }
}
