package org.fangpin.monitoring.process;

import java.time.Clock;
import java.time.LocalDate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.monitoring.command.Commands.StartMonitoringCommand;
import org.fangpin.platform.consuming.EventInbox;

/** Monitoring starts by itself when the county identifies a household (HouseholdIdentified). */
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
                        identified.objectType(), LocalDate.now(clock)));
            }
        });
    }
}
