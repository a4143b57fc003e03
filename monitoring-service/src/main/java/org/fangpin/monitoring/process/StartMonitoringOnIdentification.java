package org.fangpin.monitoring.process;

import java.time.Clock;
import java.time.LocalDate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdReidentified;
import org.fangpin.monitoring.command.Commands.StartMonitoringCommand;
import org.fangpin.platform.consuming.EventInbox;

/**
 * Monitoring starts by itself when the county identifies a household (HouseholdIdentified), on the day of the
 * county's decision: a decision recorded late (补录) starts monitoring in the month it was taken, so the months since
 * may be recorded late too. A household identified again (HouseholdReidentified) whose monitoring was closed starts
 * it again on that decision's day; one still monitored (look-back) just continues.
 */
@Component
class StartMonitoringOnIdentification {

    static final String CONSUMER = "Automation_WhenHouseholdIdentifiedThenStartMonitoring";

    private final EventInbox inbox;
    private final CommandGateway commands;
    private final Clock clock;

    StartMonitoringOnIdentification(EventInbox inbox, CommandGateway commands, Clock clock) {
        this.inbox = inbox;
        this.commands = commands;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.IDENTIFICATION)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, envelope -> {
            if (envelope.data() instanceof HouseholdIdentified identified) {
                commands.sendAndWait(new StartMonitoringCommand(identified.householdId(), identified.regionCode(),
                        identified.objectType(), decisionDay(identified.identifiedOn())));
            } else if (envelope.data() instanceof HouseholdReidentified reidentified) {
                commands.sendAndWait(new StartMonitoringCommand(reidentified.householdId(),
                        reidentified.regionCode(), reidentified.objectType(),
                        decisionDay(reidentified.reidentifiedOn())));
            }
        });
    }

    /** Decisions published before they carried their day started monitoring on the day they were read. */
    private LocalDate decisionDay(LocalDate decidedOn) {
        return decidedOn != null ? decidedOn : LocalDate.now(clock);
    }
}
