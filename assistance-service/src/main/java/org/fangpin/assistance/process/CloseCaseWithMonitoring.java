package org.fangpin.assistance.process;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import org.fangpin.assistance.command.Commands.CloseAssistanceCaseCommand;
import org.fangpin.assistance.query.CaseQueries;
import org.fangpin.contracts.Topics;
import org.fangpin.contracts.monitoring.MonitoringClosed;
import org.fangpin.platform.consuming.EventInbox;

/**
 * 终止监测: when the county closes a household's monitoring (the household dissolved, moved away, or stayed stable
 * after look-back), its assistance case closes with the county's reason, so that its open measures no longer fall
 * due and no elimination or rollback is taken on it. A household never identified has no case and nothing to close.
 */
@Component
class CloseCaseWithMonitoring {

    static final String CONSUMER = "Automation_WhenMonitoringClosedThenCloseCase";
    private static final Logger log = LoggerFactory.getLogger(CloseCaseWithMonitoring.class);

    private final EventInbox inbox;
    private final CommandGateway commands;
    private final CaseQueries cases;

    CloseCaseWithMonitoring(EventInbox inbox, CommandGateway commands, CaseQueries cases) {
        this.inbox = inbox;
        this.commands = commands;
        this.cases = cases;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.MONITORING)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, envelope -> {
            if (envelope.data() instanceof MonitoringClosed closed) {
                if (cases.summary(closed.householdId()).isEmpty()) {
                    log.info("Monitoring of household {} closed; it has no assistance case to close",
                            closed.householdId());
                    return;
                }
                commands.sendAndWait(new CloseAssistanceCaseCommand(closed.householdId(), closed.reason(),
                        closed.closedOn()));
            }
        });
    }
}
