package org.fangpin.assistance.process;

import java.time.Clock;
import java.time.LocalDate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import org.fangpin.assistance.command.Commands.OpenAssistanceCaseCommand;
import org.fangpin.contracts.Topics;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdReidentified;
import org.fangpin.platform.consuming.EventInbox;

/**
 * An assistance case opens by itself for every identified household, with its labour capacity and risks; the
 * eliminated case of a household identified again for a new risk (风险再标注) opens again with the new risks. The case
 * opens on the day of the county's decision, also when the decision was recorded late (补录): the months of
 * monitoring that elimination counts run from it.
 */
@Component
class OpenCaseOnIdentification {

    static final String CONSUMER = "Automation_WhenHouseholdIdentifiedThenOpenCase";

    private final EventInbox inbox;
    private final CommandGateway commands;
    private final Clock clock;

    OpenCaseOnIdentification(EventInbox inbox, CommandGateway commands, Clock clock) {
        this.inbox = inbox;
        this.commands = commands;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.IDENTIFICATION)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, envelope -> {
            if (envelope.data() instanceof HouseholdIdentified identified) {
                commands.sendAndWait(new OpenAssistanceCaseCommand(identified.householdId(),
                        identified.regionCode(), identified.objectType(), identified.riskTypes(),
                        identified.labourCapacity(), decisionDay(identified.identifiedOn())));
            } else if (envelope.data() instanceof HouseholdReidentified reidentified) {
                commands.sendAndWait(new OpenAssistanceCaseCommand(reidentified.householdId(),
                        reidentified.regionCode(), reidentified.objectType(), reidentified.riskTypes(),
                        reidentified.labourCapacity(), decisionDay(reidentified.reidentifiedOn())));
            }
        });
    }

    /** Decisions published before they carried their day opened the case on the day they were read. */
    private LocalDate decisionDay(LocalDate decidedOn) {
        return decidedOn != null ? decidedOn : LocalDate.now(clock);
    }
}
