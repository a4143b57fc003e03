package org.fangpin.identification.process;

import java.util.Arrays;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.monitoring.DepartmentLeadRaised;
import org.fangpin.contracts.value.Department;
import org.fangpin.contracts.value.LeadChannel;
import org.fangpin.identification.command.Commands.ReportLeadCommand;
import org.fangpin.identification.command.DueDates;
import org.fangpin.identification.query.RegistryQueries.HouseholdView;
import org.fangpin.identification.query.RegistryQueries;
import org.fangpin.platform.consuming.EventInbox;
import org.fangpin.platform.policy.PolicyBook;

/**
 * A department's data (医保, 民政, 残联, ...) shows a household that is not monitored with a risk, an amount above a
 * warning line or a status that is a risk by itself (纳入低保, 新办残疾证, 危房): a lead with channel 行业部门筛查预警,
 * which joins the household's open case if there is one.
 */
@Component
class LeadOnDepartmentScreening {

    static final String CONSUMER = "Automation_WhenDepartmentLeadRaisedThenReportLead";
    private static final Logger log = LoggerFactory.getLogger(LeadOnDepartmentScreening.class);
    private static final int DESCRIPTION_LENGTH = 500;

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

    /**
     * The lead's description: the hit in the work plans' words as monitoring gave it, or, in events recorded before
     * it did, the department and the indicator; the amount and its warning line where the indicator has them (a
     * status such as 纳入低保 has neither).
     */
    private static String describe(DepartmentLeadRaised raised) {
        StringBuilder text = new StringBuilder("行业部门筛查预警：");
        if (raised.reason() != null && !raised.reason().isBlank()) {
            text.append(raised.reason().strip());
        } else {
            text.append(departmentName(raised.department())).append(' ').append(raised.indicator());
        }
        if (raised.observedValue() != null) {
            text.append(' ').append(raised.observedValue().toPlainString()).append(" 元");
        }
        if (raised.threshold() != null) {
            text.append("，预警线 ").append(raised.threshold().toPlainString()).append(" 元");
        }
        String batch = "（批次 " + raised.batchId() + "）";
        // A lead's description holds 500 characters; the batch that raised it is what lets it be traced.
        return text.length() + batch.length() <= DESCRIPTION_LENGTH ? text + batch
                : text.substring(0, DESCRIPTION_LENGTH - batch.length() - 1) + "…" + batch;
    }

    private static String departmentName(String department) {
        return Arrays.stream(Department.values()).filter(known -> known.name().equals(department)).findFirst()
                .map(Department::chineseName).orElse(department);
    }
}
