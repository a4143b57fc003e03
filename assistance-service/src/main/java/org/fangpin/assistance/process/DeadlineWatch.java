package org.fangpin.assistance.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.fangpin.assistance.command.Commands.CompleteGradualExitCommand;
import org.fangpin.assistance.command.Commands.FlagMeasureOverdueCommand;
import org.fangpin.assistance.command.Commands.FlagWarningResponseOverdueCommand;
import org.fangpin.assistance.query.CaseQueries;
import org.fangpin.assistance.query.CaseQueries.AwaitingResponse;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.policy.PolicyBook;

/**
 * Watches the deadlines: measures past their deadline (限时办结), warnings without a response within the policy's
 * days, and safety-net measures whose gradual exit (渐退期) is over. The read model finds the hits with one query
 * each; only hits become commands. The case flags each thing once, so a scan repeated on several instances or after
 * a failure changes nothing twice.
 */
@Component
public class DeadlineWatch {

    static final String PROCESS = "Automation_WhenDeadlinePassedThenFlag";
    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final CaseQueries queries;
    private final PolicyBook policy;
    private final CommandGateway commands;
    private final Clock clock;
    private final Actor system = Actor.system("assistance-service");

    DeadlineWatch(CaseQueries queries, PolicyBook policy, CommandGateway commands, Clock clock) {
        this.queries = queries;
        this.policy = policy;
        this.commands = commands;
        this.clock = clock;
    }

    /** On one replica at a time; the lease outlives the pass a little, so a replica whose clock lags skips the hour. */
    @Scheduled(cron = "${fangpin.assistance.deadline-scan-cron:0 5 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "assistance.deadline-watch", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void scheduled() {
        scan(LocalDate.now(clock));
    }

    /** One pass over every deadline as of {@code today}. */
    public void scan(LocalDate today) {
        RequestContext.runAs(system, PROCESS + ":" + UUID.randomUUID(), () -> {
            queries.measuresPastDue(today).forEach(measure -> send(
                    new FlagMeasureOverdueCommand(measure.householdId(), measure.measureId(), today)));
            queries.gradualExitsOver(today).forEach(measure -> send(
                    new CompleteGradualExitCommand(measure.householdId(), measure.measureId(), today)));
            Map<String, Optional<PolicyThresholds>> thresholds = new HashMap<>();
            for (AwaitingResponse warning : queries.warningsAwaitingResponse(today)) {
                thresholds.computeIfAbsent(warning.regionCode() + ":" + warning.raisedOn().getYear(),
                                key -> policy.thresholds(warning.regionCode(), warning.raisedOn().getYear()))
                        .map(p -> warning.raisedOn().plusDays(p.warningResponseDays()))
                        .filter(dueOn -> dueOn.isBefore(today))
                        .ifPresent(dueOn -> send(new FlagWarningResponseOverdueCommand(warning.householdId(),
                                warning.warningId(), dueOn, today)));
            }
            return null;
        });
    }

    /** One failed flag does not stop the others; the next scan tries it again. */
    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            log.warn("Deadline flag {} failed; the next scan retries it", command.getClass().getSimpleName(), e);
        }
    }
}
