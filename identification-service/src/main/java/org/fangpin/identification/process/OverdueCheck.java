package org.fangpin.identification.process;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.fangpin.identification.command.Commands.RaiseOverdueCommand;
import org.fangpin.identification.query.LeadQueries;
import org.fangpin.identification.query.LeadQueries.OverdueCase;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;

/**
 * Raises {@code IdentificationOverdue} once per case and deadline. Cheap: one indexed query over open cases whose
 * overdue event is not raised yet; idempotent: the household refuses to raise the same deadline twice, so two
 * instances or a rerun change nothing.
 */
@Component
public class OverdueCheck {

    static final String AUTOMATION = "Automation_WhenCaseOverdueThenRaiseOverdue";

    private final LeadQueries leads;
    private final CommandGateway commands;
    private final Clock clock;

    OverdueCheck(LeadQueries leads, CommandGateway commands, Clock clock) {
        this.leads = leads;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fangpin.identification.overdue-check-interval:PT15M}",
            initialDelayString = "${fangpin.identification.overdue-check-interval:PT15M}")
    @SchedulerLock(name = "identification.overdue-check", lockAtMostFor = "PT14M", lockAtLeastFor = "PT1M")
    void scheduled() {
        raiseOverdue(LocalDate.now(clock));
    }

    /** @return how many cases were found past a due date */
    public int raiseOverdue(LocalDate today) {
        var overdue = leads.newlyOverdue(today);
        for (OverdueCase found : overdue) {
            RequestContext.runAs(Actor.system("identification-service"), AUTOMATION + ":" + found.leadId(), () ->
                    commands.sendAndWait(new RaiseOverdueCommand(found.householdId(), found.leadId(), found.deadline(),
                            today)));
        }
        return overdue.size();
    }
}
