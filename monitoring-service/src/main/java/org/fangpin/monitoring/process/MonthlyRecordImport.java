package org.fangpin.monitoring.process;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.ContactMethod;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.monitoring.command.Commands.ImportMonthlyMonitoringCommand;
import org.fangpin.monitoring.command.Commands.RecordMonthlyMonitoringCommand;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.Provenance;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.imports.FileImport;
import org.fangpin.platform.imports.ImportBatches;
import org.fangpin.platform.imports.ImportColumn;
import org.fangpin.platform.imports.ImportLine;
import org.fangpin.platform.imports.ImportProgress;
import org.fangpin.platform.imports.ImportRefusal;
import org.fangpin.platform.imports.ImportRefusals;
import org.fangpin.platform.imports.ImportTable;
import org.fangpin.platform.policy.PolicyBook;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.Problems;
import org.fangpin.platform.web.RuleViolation;

/**
 * 存量导入 of the monthly records of months before go-live (docs/decisions/0035): one record a row, the household
 * named by its head's ID number as this service's copy of the registry knows it. Each becomes the command the live
 * monthly record gives, with its month and visit day, so warnings are raised or cleared by the same rules; a month
 * recorded here already is left unchanged, so the same file imported again changes nothing. A household's months
 * are written in their order, together, in one unit of work: all of them or none. A household this service does not
 * monitor yet (its identification, imported a moment ago, may still be on its way) is refused with
 * {@code IMPORT_NOT_MONITORED_YET}, to be imported again later; nothing waits.
 */
@Component
public class MonthlyRecordImport implements FileImport {

    static final int BATCH = 100;
    static final int LISTED_REFUSALS = 1000;

    /** The columns, by their English name and the names of the national system's exports. */
    enum Column implements ImportColumn {
        HEAD_ID_NUMBER("headIdNumber", true, "户主证件号码", "户主身份证号"),
        MONTH("month", true, "监测年月", "监测月份", "年月"),
        RECORDED_ON("recordedOn", false, "走访日期", "走访时间", "监测日期"),
        PER_CAPITA_NET_INCOME("perCapitaNetIncome", true, "人均纯收入", "家庭人均纯收入"),
        CONTACT_METHOD("contactMethod", false, "走访方式", "联系方式"),
        NO_VISIT_REASON("noVisitReason", false, "未入户原因"),
        GUARANTEE_GAPS("guaranteeGaps", false, "三保障和饮水安全问题", "存在问题"),
        MEDICAL("medicalExpenditure", false, "因病自付医疗费用", "医疗自付费用"),
        EDUCATION("educationExpenditure", false, "因学支出", "教育支出"),
        DISASTER("disasterLoss", false, "因灾损失", "灾害损失"),
        EMPLOYMENT_UNSTABLE("employmentUnstable", false, "务工不稳定", "就业不稳定"),
        EMERGENCY("emergency", false, "突发情况", "突发事件"),
        LABOUR_CAPACITY("labourCapacity", false, "劳动能力"),
        INCOME_ONLY_FROM_TRANSFERS("incomeOnlyFromTransfers", false, "仅有转移性收入", "收入仅来自转移性收入");

        private final Names names;

        Column(String english, boolean required, String... chinese) {
            this.names = new Names(english, required, chinese);
        }

        @Override
        public Names names() {
            return names;
        }
    }

    /**
     * What an import did.
     *
     * @param recorded     months recorded
     * @param unchanged    months recorded here already
     * @param refusedCount rows refused; {@code refused} lists the first {@value #LISTED_REFUSALS}
     */
    public record Report(String fileName, int rows, int households, int recorded, int unchanged, int refusedCount,
                         List<ImportRefusal> refused) {
    }

    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final PolicyBook policies;
    private final TransactionManager transactions;
    private final Problems problems;
    private final Clock clock;

    MonthlyRecordImport(CommandGateway commands, JdbcClient jdbc, PolicyBook policies,
                        TransactionManager transactions, Problems problems, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.policies = policies;
        this.transactions = transactions;
        this.problems = problems;
        this.clock = clock;
    }

    /** A row as the rules read it. */
    private record Row(int line, String headId, RecordMonthlyMonitoringCommand command) {
    }

    /** A household's rows, in month order, and what they found. */
    private static final class Household {
        final String headId;
        final List<Row> rows = new ArrayList<>();
        final List<Integer> refusedLines = new ArrayList<>();
        String householdId;
        int failedLine;
        int recorded;
        int unchanged;

        Household(String headId) {
            this.headId = headId;
        }

        List<Integer> lines() {
            List<Integer> lines = new ArrayList<>(refusedLines);
            rows.forEach(row -> lines.add(row.line()));
            lines.sort(Comparator.naturalOrder());
            return lines;
        }
    }

    /** A monitored household as this service knows it. */
    private record Known(String householdId, String regionCode, boolean monitored) {
    }

    @Override
    public void checkHeader(byte[] content) {
        ImportTable.checkHeader(content, Column.class);
    }

    @Override
    public Report importFile(String fileName, byte[] content, ImportProgress progress) {
        Actor importer = RequestContext.requireActor();
        if (importer.role().isReadOnly()) {
            throw RuleViolation.forbidden("READ_ONLY_ROLE", importer.role());
        }
        LocalDate today = LocalDate.now(clock);
        List<ImportLine<Column>> lines = ImportTable.parse(content, Column.class);
        progress.total(lines.size());
        ImportRefusals refused = new ImportRefusals(problems, progress);
        Map<String, Household> households = new LinkedHashMap<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        for (ImportLine<Column> line : lines) {
            progress.validated(1);
            String headId = line.has(Column.HEAD_ID_NUMBER)
                    ? line.get(Column.HEAD_ID_NUMBER).toUpperCase(Locale.ROOT) : "line:" + line.number();
            Household household = households.computeIfAbsent(headId, Household::new);
            try {
                Row row = row(line, headId, today);
                Integer first = firstLineOf.putIfAbsent(headId + "/" + row.command().month(), line.number());
                if (first != null) {
                    refused.add(line.number(), RuleViolation.of("IMPORT_DUPLICATE_MONTH", first));
                    continue;
                }
                household.rows.add(row);
            } catch (RuleViolation violation) {
                refused.add(line.number(), violation);
                household.refusedLines.add(line.number());
            }
        }

        Map<String, Known> known = known(households.keySet().stream().filter(id -> !id.startsWith("line:")).toList());
        Map<String, PolicyThresholds> policyCache = new HashMap<>();
        List<Household> writes = new ArrayList<>();
        for (Household household : households.values()) {
            if (household.rows.isEmpty()) {
                continue;
            }
            if (!household.refusedLines.isEmpty()) {
                refuseRest(refused, household, household.refusedLines.get(0));
                continue;
            }
            Row first = household.rows.get(0);
            try {
                Known found = known.get(household.headId);
                if (found == null || !found.monitored()) {
                    throw RuleViolation.conflict("IMPORT_NOT_MONITORED_YET");
                }
                if (!Jurisdiction.covers(importer, found.regionCode())) {
                    throw RuleViolation.forbidden("OUT_OF_JURISDICTION", found.regionCode(), importer.region());
                }
                household.householdId = found.householdId();
                List<Row> judged = new ArrayList<>(household.rows.size());
                for (Row row : household.rows) {
                    first = row;
                    int year = row.command().month().getYear();
                    PolicyThresholds thresholds = policyCache.computeIfAbsent(found.regionCode() + "/" + year,
                            key -> policies.require(found.regionCode(), year));
                    judged.add(new Row(row.line(), row.headId(), withHousehold(row.command(), found.householdId(),
                            thresholds)));
                }
                household.rows.clear();
                household.rows.addAll(judged);
                household.rows.sort(Comparator.comparing(row -> row.command().month()));
                writes.add(household);
            } catch (RuleViolation violation) {
                refused.add(first.line(), violation);
                refuseRest(refused, household, first.line());
            }
        }

        ImportBatches.write(fileName, writes, BATCH, transactions, progress, household -> household.rows.size(),
                household -> send(fileName, household),
                household -> { }, (household, violation) -> {
                    household.recorded = 0;
                    household.unchanged = 0;
                    refused.add(household.failedLine, violation);
                    refuseRest(refused, household, household.failedLine);
                }, null);
        int recorded = writes.stream().mapToInt(household -> household.recorded).sum();
        int unchanged = writes.stream().mapToInt(household -> household.unchanged).sum();
        long written = writes.stream().filter(household -> household.recorded > 0).count();
        return new Report(fileName, lines.size(), (int) written, recorded, unchanged, refused.count(),
                refused.listed(LISTED_REFUSALS));
    }

    /** A household's months, oldest first, so each is judged on the months before it as when recorded live. */
    private void send(String fileName, Household household) {
        household.recorded = 0;
        household.unchanged = 0;
        household.failedLine = household.rows.get(0).line();
        for (Row row : household.rows) {
            boolean recorded;
            try {
                recorded = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                                new ImportMonthlyMonitoringCommand(household.householdId, row.command()))
                        .andMetaData(Provenance.imported(fileName, row.line())));
            } catch (AggregateNotFoundException notYet) {
                household.failedLine = row.line();
                throw RuleViolation.conflict("IMPORT_NOT_MONITORED_YET");
            } catch (RuleViolation violation) {
                household.failedLine = row.line();
                throw violation;
            }
            if (recorded) {
                household.recorded++;
            } else {
                household.unchanged++;
            }
        }
    }

    private static void refuseRest(ImportRefusals refused, Household household, int refusedLine) {
        household.lines().stream().filter(line -> line != refusedLine && !household.refusedLines.contains(line))
                .forEach(line -> refused.add(line,
                        RuleViolation.of("IMPORT_HOUSEHOLD_REFUSED", refusedLine)));
    }

    private Row row(ImportLine<Column> line, String headId, LocalDate today) {
        if (!IdNumber.isValid(headId)) {
            throw RuleViolation.of("IMPORT_ID_NUMBER_INVALID", Column.HEAD_ID_NUMBER.label());
        }
        YearMonth month = line.month(Column.MONTH);
        LocalDate recordedOn = line.has(Column.RECORDED_ON) ? line.day(Column.RECORDED_ON)
                : month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
        if (recordedOn.isAfter(today)) {
            throw RuleViolation.of("DATE_IN_FUTURE", recordedOn);
        }
        BigDecimal income = line.amount(Column.PER_CAPITA_NET_INCOME);
        ContactMethod contact = line.has(Column.CONTACT_METHOD)
                ? line.named(Column.CONTACT_METHOD, ContactMethod.values(), ContactMethod::chineseName)
                : ContactMethod.HOME_VISIT;
        Set<Guarantee> gaps = EnumSet.noneOf(Guarantee.class);
        for (String part : line.parts(Column.GUARANTEE_GAPS)) {
            if (!part.equals("无")) {
                gaps.add(line.named(Column.GUARANTEE_GAPS, part, Guarantee.values(), Guarantee::chineseName));
            }
        }
        Map<RigidExpenditure, BigDecimal> rigid = new EnumMap<>(RigidExpenditure.class);
        expenditure(line, Column.MEDICAL, RigidExpenditure.MEDICAL, rigid);
        expenditure(line, Column.EDUCATION, RigidExpenditure.EDUCATION, rigid);
        expenditure(line, Column.DISASTER, RigidExpenditure.DISASTER, rigid);
        LabourCapacity labour = line.has(Column.LABOUR_CAPACITY)
                ? line.named(Column.LABOUR_CAPACITY, LabourCapacity.values(), LabourCapacity::chineseName) : null;
        String reason = text(line, Column.NO_VISIT_REASON);
        String emergency = text(line, Column.EMERGENCY);
        return new Row(line.number(), headId, new RecordMonthlyMonitoringCommand(null, month, income, gaps, contact,
                reason, Map.copyOf(rigid), line.yes(Column.EMPLOYMENT_UNSTABLE), emergency, labour,
                line.yes(Column.INCOME_ONLY_FROM_TRANSFERS), recordedOn, null));
    }

    private static RecordMonthlyMonitoringCommand withHousehold(RecordMonthlyMonitoringCommand c, String householdId,
                                                                PolicyThresholds thresholds) {
        return new RecordMonthlyMonitoringCommand(householdId, c.month(), c.perCapitaNetIncome(), c.guaranteeGaps(),
                c.contactMethod(), c.noVisitReason(), c.rigidExpenditures(), c.employmentUnstable(), c.emergency(),
                c.labourCapacity(), c.incomeOnlyFromTransfers(), c.recordedOn(), thresholds);
    }

    private static void expenditure(ImportLine<Column> line, Column column, RigidExpenditure kind,
                                    Map<RigidExpenditure, BigDecimal> rigid) {
        if (line.has(column)) {
            rigid.put(kind, line.amount(column));
        }
    }

    private static String text(ImportLine<Column> line, Column column) {
        String value = line.get(column);
        if (value != null && value.length() > 200) {
            throw ImportLine.invalid(column, value.substring(0, 20) + "…");
        }
        return value;
    }

    /**
     * The households of these heads' ID numbers as this service knows them (a monitored one first), a thousand per
     * query, each number one probe of the ID number index: the lateral subquery with its limit is planned per number,
     * where {@code id_number = ANY(...)} had PostgreSQL read the whole register for every thousand.
     */
    private Map<String, Known> known(List<String> headIds) {
        Map<String, Known> found = new HashMap<>();
        for (int from = 0; from < headIds.size(); from += 1000) {
            List<String> chunk = headIds.subList(from, Math.min(headIds.size(), from + 1000));
            jdbc.sql("""
                            SELECT asked.id_number, known.household_id, known.region_code, known.monitored
                            FROM unnest(CAST(:ids AS VARCHAR[])) AS asked (id_number)
                            CROSS JOIN LATERAL (
                                SELECT h.household_id, h.region_code, mh.household_id IS NOT NULL AS monitored
                                FROM registry_member m JOIN registry_household h ON h.household_id = m.household_id
                                LEFT JOIN monitored_household mh ON mh.household_id = m.household_id
                                WHERE m.id_number = asked.id_number
                                ORDER BY monitored DESC
                                LIMIT 1) known""")
                    .param("ids", chunk.toArray(String[]::new))
                    .query((rs, n) -> Map.entry(rs.getString("id_number"), new Known(rs.getString("household_id"),
                            rs.getString("region_code"), rs.getBoolean("monitored"))))
                    .list().forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        }
        return found;
    }

}
