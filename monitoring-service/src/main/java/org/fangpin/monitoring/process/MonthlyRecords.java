package org.fangpin.monitoring.process;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.ContactMethod;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.monitoring.command.Commands.RecordMonthlyMonitoringCommand;
import org.fangpin.monitoring.command.Commands.Recorded;
import org.fangpin.platform.axon.EventStreamPrefetch;
import org.fangpin.platform.policy.PolicyBook;
import org.fangpin.platform.web.RuleViolation;

/**
 * Turns a monthly record as entered into the command, with the policy of the household's region and year; a bulk
 * request's records in one unit of work.
 */
@Component
public class MonthlyRecords {

    private final CommandGateway commands;
    private final PolicyBook policy;
    private final TransactionManager transactions;
    private final EventStreamPrefetch prefetch;
    private final Clock clock;

    public MonthlyRecords(CommandGateway commands, PolicyBook policy, TransactionManager transactions,
                   EventStreamPrefetch prefetch, Clock clock) {
        this.commands = commands;
        this.policy = policy;
        this.transactions = transactions;
        this.prefetch = prefetch;
        this.clock = clock;
    }

    /**
     * A month's record as a village officer enters it.
     *
     * @param rigidExpenditures       rigid expenditure of the year so far by kind, yuan
     * @param labourCapacity          the household's labour capacity as found this month; absent when not assessed
     * @param incomeOnlyFromTransfers the household lives only on transfers (资金帮扶、产业分红 and the like)
     * @param recordedOn              the day of the visit or call; today when absent
     */
    public record MonthlyRecordRequest(
            @NotNull YearMonth month,
            @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal perCapitaNetIncome,
            Set<Guarantee> guaranteeGaps,
            @NotNull ContactMethod contactMethod,
            @Size(max = 200) String noVisitReason,
            Map<RigidExpenditure, @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal>
                    rigidExpenditures,
            boolean employmentUnstable,
            @Size(max = 200) String emergency,
            LabourCapacity labourCapacity,
            boolean incomeOnlyFromTransfers,
            @PastOrPresent LocalDate recordedOn) {
    }

    /** A household's record within a bulk request, with the region its policy comes from. */
    public record HouseholdRecord(String householdId, String regionCode, MonthlyRecordRequest request) {
    }

    /** A record of a bulk request the rules refused, by its position in the request. */
    public record Refusal(int index, String householdId, RuleViolation violation) {
    }

    /** One or more records of a bulk request were refused, so none of the request was recorded. */
    public static final class RecordsRefused extends RuntimeException {

        private final transient List<Refusal> refusals;

        RecordsRefused(List<Refusal> refusals) {
            super(refusals.size() + " monthly records refused");
            this.refusals = List.copyOf(refusals);
        }

        public List<Refusal> refusals() {
            return refusals;
        }
    }

    public Recorded record(String householdId, String regionCode, MonthlyRecordRequest request) {
        return commands.sendAndWait(command(householdId, request,
                policy.require(regionCode, request.month().getYear())));
    }

    /**
     * Records all of them in one unit of work and one database transaction, or none: every record is judged, and
     * when the rules refuse any, all refusals are reported and nothing is kept. The commands' events are stored and
     * projected together when the unit of work commits; a unit of work of at most a few hundred records stays short
     * (DESIGN.md, silent skips). The policy is read once per region and year, the households' event streams with
     * one query.
     */
    public List<Recorded> recordAll(List<HouseholdRecord> records) {
        Map<String, PolicyThresholds> policies = new HashMap<>();
        List<Recorded> recorded = new ArrayList<>(records.size());
        List<Refusal> refusals = new ArrayList<>();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        try {
            prefetch.prefetch(records.stream().map(HouseholdRecord::householdId).toList());
            for (int i = 0; i < records.size(); i++) {
                HouseholdRecord item = records.get(i);
                int year = item.request().month().getYear();
                try {
                    PolicyThresholds thresholds = policies.computeIfAbsent(item.regionCode() + "/" + year,
                            key -> policy.require(item.regionCode(), year));
                    recorded.add(commands.sendAndWait(command(item.householdId(), item.request(), thresholds)));
                } catch (RuleViolation refused) {
                    refusals.add(new Refusal(i, item.householdId(), refused));
                }
            }
            if (!refusals.isEmpty()) {
                throw new RecordsRefused(refusals);
            }
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
        return recorded;
    }

    private RecordMonthlyMonitoringCommand command(String householdId, MonthlyRecordRequest request,
                                                   PolicyThresholds thresholds) {
        Set<Guarantee> gaps = request.guaranteeGaps() == null || request.guaranteeGaps().isEmpty()
                ? EnumSet.noneOf(Guarantee.class) : EnumSet.copyOf(request.guaranteeGaps());
        return new RecordMonthlyMonitoringCommand(householdId, request.month(), request.perCapitaNetIncome(), gaps,
                request.contactMethod(), request.noVisitReason(),
                request.rigidExpenditures() == null ? Map.of() : Map.copyOf(request.rigidExpenditures()),
                request.employmentUnstable(), request.emergency(), request.labourCapacity(),
                request.incomeOnlyFromTransfers(),
                request.recordedOn() == null ? LocalDate.now(clock) : request.recordedOn(), thresholds);
    }
}
