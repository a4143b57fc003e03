package org.fangpin.identification.process;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.monitoring.DepartmentLeadRaised;
import org.fangpin.contracts.value.LeadChannel;
import org.fangpin.identification.command.Commands.ReportLeadCommand;
import org.fangpin.identification.command.DueDates;
import org.fangpin.identification.query.RegistryQueries.HouseholdView;
import org.fangpin.identification.query.RegistryQueries;
import org.fangpin.platform.consuming.EventInbox;
import org.fangpin.platform.policy.PolicyBook;

/**
 * A department's data (医保, 民政, 残联, ...) shows a household that is not monitored above a warning line: a lead
 * with channel 行业部门筛查预警, which joins the household's open case if there is one.
 */
@Component
class LeadOnDepartmentScreening {

    static final String CONSUMER = "Automation_WhenDepartmentLeadRaisedThenReportLead";
    private static final Logger log = LoggerFactory.getLogger(LeadOnDepartmentScreening.class);

    private final EventInbox inbox;
    private final CommandGateway commands;
    private final RegistryQueries registry;
    private final PolicyBook policies;

    LeadOnDepartmentScreening(EventInbox inbox, CommandGateway commands, RegistryQueries registry,
                              PolicyBook policies) {
        this.inbox = inbox;
        this.commands = commands;
        this.registry = registry;
        this.policies = policies;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.MONITORING)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, envelope -> {
            if (envelope.data() instanceof DepartmentLeadRaised raised) {
                HouseholdView household = registry.household(raised.householdId()).orElseThrow(() ->
                        new IllegalStateException("department lead for unknown household " + raised.householdId()));
                if (household.objectType() != null && !household.riskEliminated()) {
                    // Monitoring screened against an older picture: the household is followed by monitoring already.
                    log.info("Department lead {} on monitored household {} needs no identification", envelope.id(),
                            raised.householdId());
                    return;
                }
                DueDates due = DueDates.of(raised.reportedOn(),
                        policies.require(household.regionCode(), raised.reportedOn().getYear()));
                commands.sendAndWait(new ReportLeadCommand(raised.householdId(),
                        UUID.nameUUIDFromBytes(envelope.id().getBytes()).toString(), LeadChannel.DEPARTMENT_SCREENING,
                        describe(raised), raised.reportedOn(), due));
            }
        });
    }

    private static String describe(DepartmentLeadRaised raised) {
        return "行业部门筛查预警：" + raised.department() + " " + raised.indicator() + " "
                + raised.observedValue().toPlainString() + "，预警线 " + raised.threshold().toPlainString()
                + "（批次 " + raised.batchId() + "）";
    }
}
