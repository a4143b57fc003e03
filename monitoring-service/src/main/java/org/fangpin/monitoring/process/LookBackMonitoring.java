package org.fangpin.monitoring.process;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.assistance.RiskEliminated;
import org.fangpin.contracts.assistance.RiskRolledBack;
import org.fangpin.monitoring.command.Commands.ResumeRegularMonitoringCommand;
import org.fangpin.monitoring.command.Commands.StartLookBackCommand;
import org.fangpin.monitoring.query.MonitoringQueries;
import org.fangpin.platform.consuming.EventInbox;

/**
 * Eliminated households stay under monitoring as look-back (回头看); a rollback makes it regular monitoring again.
 * Households this service does not monitor are left alone.
 */
@Component
class LookBackMonitoring {

    static final String ON_ELIMINATION = "Automation_WhenRiskEliminatedThenLookBack";
    static final String ON_ROLLBACK = "Automation_WhenRiskRolledBackThenResumeMonitoring";

    private final EventInbox inbox;
    private final CommandGateway commands;
    private final MonitoringQueries queries;

    LookBackMonitoring(EventInbox inbox, CommandGateway commands, MonitoringQueries queries) {
        this.inbox = inbox;
        this.commands = commands;
        this.queries = queries;
    }

    @KafkaListener(id = ON_ELIMINATION, topics = Topics.ASSISTANCE)
    void onElimination(ConsumerRecord<String, byte[]> record) {
        inbox.receive(ON_ELIMINATION, record, envelope -> {
            if (envelope.data() instanceof RiskEliminated eliminated
                    && queries.household(eliminated.householdId()).isPresent()) {
                commands.sendAndWait(new StartLookBackCommand(eliminated.householdId(), eliminated.eliminatedOn()));
            }
        });
    }

    @KafkaListener(id = ON_ROLLBACK, topics = Topics.ASSISTANCE)
    void onRollback(ConsumerRecord<String, byte[]> record) {
        inbox.receive(ON_ROLLBACK, record, envelope -> {
            if (envelope.data() instanceof RiskRolledBack rolledBack
                    && queries.household(rolledBack.householdId()).isPresent()) {
                commands.sendAndWait(new ResumeRegularMonitoringCommand(rolledBack.householdId(),
                        rolledBack.reason(), rolledBack.rolledBackOn()));
            }
        });
    }
}
