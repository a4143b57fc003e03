package org.fangpin.monitoring.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.ContactMethod;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.monitoring.command.Commands.RecordMonthlyMonitoringCommand;
import org.fangpin.monitoring.command.Commands.Recorded;
import org.fangpin.platform.policy.PolicyBook;

/** Turns a monthly record as entered into the command, with the policy of the household's region and year. */
@Component
class MonthlyRecords {

    private final CommandGateway commands;
    private final PolicyBook policy;
    private final Clock clock;

    MonthlyRecords(CommandGateway commands, PolicyBook policy, Clock clock) {
        this.commands = commands;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * A month's record as a village officer enters it.
     *
     * @param rigidExpenditures rigid expenditure of the year so far by kind, yuan
     * @param recordedOn        the day of the visit or call; today when absent
     */
    record MonthlyRecordRequest(
            @NotNull YearMonth month,
            @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal perCapitaNetIncome,
            Set<Guarantee> guaranteeGaps,
            @NotNull ContactMethod contactMethod,
            @Size(max = 200) String noVisitReason,
            Map<RigidExpenditure, @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal>
                    rigidExpenditures,
            boolean employmentUnstable,
            @Size(max = 200) String emergency,
            @PastOrPresent LocalDate recordedOn) {
    }

    Recorded record(String householdId, String regionCode, MonthlyRecordRequest request) {
        PolicyThresholds thresholds = policy.require(regionCode, request.month().getYear());
        Set<Guarantee> gaps = request.guaranteeGaps() == null || request.guaranteeGaps().isEmpty()
                ? EnumSet.noneOf(Guarantee.class) : EnumSet.copyOf(request.guaranteeGaps());
        return commands.sendAndWait(new RecordMonthlyMonitoringCommand(householdId, request.month(),
                request.perCapitaNetIncome(), gaps, request.contactMethod(), request.noVisitReason(),
                request.rigidExpenditures() == null ? Map.of() : Map.copyOf(request.rigidExpenditures()),
                request.employmentUnstable(), request.emergency(),
                request.recordedOn() == null ? LocalDate.now(clock) : request.recordedOn(), thresholds));
    }
}
