package org.fangpin.assistance.process;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import org.fangpin.assistance.command.Commands.AttachWarningCommand;
import org.fangpin.assistance.command.Commands.ChangeWarningLevelCommand;
import org.fangpin.assistance.command.Commands.CloseWarningCommand;
import org.fangpin.contracts.Topics;
import org.fangpin.contracts.monitoring.WarningCleared;
import org.fangpin.contracts.monitoring.WarningLevelChanged;
import org.fangpin.contracts.monitoring.WarningRaised;
import org.fangpin.platform.consuming.EventInbox;

/**
 * Monitoring's warnings attach to the household's case, where they wait for a response (a new or changed measure, or
 * a recorded reason); a change of level or the warning's end follows them there. A warning on an eliminated case is
 * a look-back (回头看) finding.
 */
@Component
class AttachWarningsToCase {

    static final String CONSUMER = "Automation_WhenWarningRaisedThenRequireResponse";

    private final EventInbox inbox;
    private final CommandGateway commands;

    AttachWarningsToCase(EventInbox inbox, CommandGateway commands) {
        this.inbox = inbox;
        this.commands = commands;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.MONITORING)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, envelope -> {
            if (envelope.data() instanceof WarningRaised raised) {
                commands.sendAndWait(new AttachWarningCommand(raised.householdId(), raised.warningId(),
                        raised.level(), raised.rule(), raised.reason(), raised.raisedOn()));
            } else if (envelope.data() instanceof WarningLevelChanged changed) {
                commands.sendAndWait(new ChangeWarningLevelCommand(changed.householdId(), changed.warningId(),
                        changed.to(), changed.changedOn()));
            } else if (envelope.data() instanceof WarningCleared cleared) {
                commands.sendAndWait(new CloseWarningCommand(cleared.householdId(), cleared.warningId(),
                        cleared.clearedOn()));
            }
        });
    }
}
