package org.fangpin.identification.process;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.assistance.NewRiskReported;
import org.fangpin.contracts.assistance.RiskEliminated;
import org.fangpin.contracts.assistance.RiskRolledBack;
import org.fangpin.contracts.value.LeadChannel;
import org.fangpin.identification.command.Commands.NoteRiskEliminatedCommand;
import org.fangpin.identification.command.Commands.NoteRiskRolledBackCommand;
import org.fangpin.identification.command.Commands.OpenReidentificationCommand;
import org.fangpin.identification.command.DueDates;
import org.fangpin.identification.query.RegistryQueries;
import org.fangpin.platform.consuming.EventInbox;
import org.fangpin.platform.policy.PolicyBook;

/**
 * 风险再标注: a new risk that assistance-service's look-back (回头看) found on a household whose risk was eliminated
 * opens a re-identification case. One consumer reads the eliminations and rollbacks too, so that it sees a
 * household's events in their order (one partition per household) and knows whether its risk is eliminated.
 */
@Component
class ReidentificationOnNewRisk {

    static final String CONSUMER = "Automation_WhenNewRiskReportedThenOpenReidentification";

    private final EventInbox inbox;
    private final CommandGateway commands;
    private final RegistryQueries registry;
    private final PolicyBook policies;

    ReidentificationOnNewRisk(EventInbox inbox, CommandGateway commands, RegistryQueries registry,
                              PolicyBook policies) {
        this.inbox = inbox;
        this.commands = commands;
        this.registry = registry;
        this.policies = policies;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.ASSISTANCE)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, envelope -> {
            if (envelope.data() instanceof RiskEliminated eliminated) {
                commands.sendAndWait(new NoteRiskEliminatedCommand(eliminated.householdId(),
                        eliminated.eliminatedOn()));
            } else if (envelope.data() instanceof RiskRolledBack rolledBack) {
                commands.sendAndWait(new NoteRiskRolledBackCommand(rolledBack.householdId(),
                        rolledBack.rolledBackOn()));
            } else if (envelope.data() instanceof NewRiskReported risk) {
                String region = registry.household(risk.householdId()).orElseThrow(() ->
                        new IllegalStateException("new risk for unknown household " + risk.householdId())).regionCode();
                DueDates due = DueDates.of(risk.reportedOn(), policies.require(region, risk.reportedOn().getYear()));
                commands.sendAndWait(new OpenReidentificationCommand(risk.householdId(),
                        UUID.nameUUIDFromBytes(envelope.id().getBytes()).toString(), LeadChannel.CADRE_VISIT,
                        risk.riskTypes(), risk.reason(), risk.reportedOn(), due));
            }
        });
    }
}
