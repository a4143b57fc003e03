package org.fangpin.monitoring.process;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.monitoring.command.Commands.FlagMissedMonitoringCommand;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.policy.PolicyBook;

/**
 * 漏测: every night, the households whose month is still unrecorded after the due day of their region's policy are
 * flagged, village by village, in short transactions. The month before is checked too, so a night the service was
 * down is made good; the aggregate flags a month only once.
 */
@Component
public class MissedMonitoringCheck {

    private static final int CHUNK = 200;

    private final JdbcClient jdbc;
    private final PolicyBook policy;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MissedMonitoringCheck(JdbcClient jdbc, PolicyBook policy, CommandGateway commands,
                          TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${fangpin.monitoring.missed-check-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    void everyNight() {
        flag(LocalDate.now(clock));
    }

    /** @return how many households were found unrecorded (each month flagged once by the aggregate) */
    public int flag(LocalDate today) {
        return RequestContext.runAs(Actor.system("monitoring-service"), "missed-" + today + "-" + UUID.randomUUID(),
                () -> flag(YearMonth.from(today).minusMonths(1), today) + flag(YearMonth.from(today), today));
    }

    private int flag(YearMonth month, LocalDate today) {
        int flagged = 0;
        for (String village : villages()) {
            PolicyThresholds thresholds = policy.thresholds(village, month.getYear()).orElse(null);
            if (thresholds == null) {
                continue;
            }
            int dueDay = thresholds.monthlyMonitoringDueDay();
            LocalDate due = month.atDay(Math.min(dueDay, month.lengthOfMonth()));
            if (!today.isAfter(due)) {
                continue;
            }
            List<String> unrecorded = unrecorded(village, month, due);
            for (int from = 0; from < unrecorded.size(); from += CHUNK) {
                List<String> chunk = unrecorded.subList(from, Math.min(from + CHUNK, unrecorded.size()));
                transactions.executeWithoutResult(status -> chunk.forEach(householdId -> commands.sendAndWait(
                        new FlagMissedMonitoringCommand(householdId, month, dueDay, today))));
            }
            flagged += unrecorded.size();
        }
        return flagged;
    }

    private List<String> villages() {
        return jdbc.sql("""
                        SELECT DISTINCT region_code FROM monitored_household WHERE closed_on IS NULL
                        ORDER BY region_code""")
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
