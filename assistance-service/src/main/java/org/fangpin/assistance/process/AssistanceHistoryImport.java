package org.fangpin.assistance.process;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.assistance.command.Commands.ImportEliminationCommand;
import org.fangpin.assistance.command.Commands.ImportMeasureCommand;
import org.fangpin.assistance.command.Commands.ImportRollbackCommand;
import org.fangpin.assistance.command.MonitoringFacts;
import org.fangpin.assistance.query.CaseQueries;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.Provenance;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.imports.FileImport;
import org.fangpin.platform.imports.ImportBatches;
import org.fangpin.platform.imports.ImportColumn;
import org.fangpin.platform.imports.ImportIds;
import org.fangpin.platform.imports.ImportLine;
import org.fangpin.platform.imports.ImportProgress;
import org.fangpin.platform.imports.ImportRefusal;
import org.fangpin.platform.imports.ImportRefusals;
import org.fangpin.platform.imports.ImportTable;
import org.fangpin.platform.policy.PolicyBook;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.BusinessDay;
import org.fangpin.platform.web.Problems;
import org.fangpin.platform.web.RuleViolation;

/**
 * 存量导入 of the assistance history before go-live (docs/decisions/0035): measures with their outcomes,
 * eliminations and rollbacks, one a row, the household named by its head's ID number (the id the identification
 * import derived from it) or by its 户编号. Each row becomes the commands of the live procedure on its own days, so
 * the same rules judge it (elimination criteria as of its days); a row imported already is left unchanged, so the
 * same file imported again changes nothing. A household's rows are written in the order of their days, together, in
 * one unit of work: all of them or none. A household whose case is not open here yet (its identification, imported a
 * moment ago, may still be on its way) is refused with {@code IMPORT_CASE_NOT_OPEN_YET}, to be imported again later.
 */
@Component
public class AssistanceHistoryImport implements FileImport {

    static final int BATCH = 100;
    static final int LISTED_REFUSALS = 1000;

    /** The columns, by their English name and the names of the national system's exports. */
    enum Column implements ImportColumn {
        HEAD_ID_NUMBER("headIdNumber", false, "户主证件号码", "户主身份证号"),
        HOUSEHOLD_ID("householdId", false, "户编号"),
        KIND("kind", true, "记录类型", "类型"),
        MEASURE_TYPE("measureType", false, "帮扶措施类型", "措施类型"),
        DESCRIPTION("description", false, "措施内容", "帮扶措施"),
        RISK_TYPES("riskTypes", false, "针对风险类型", "风险类型"),
        DEPARTMENT("department", false, "责任单位"),
        RESPONSIBLE_PERSON("responsiblePerson", false, "责任人"),
        DUE_DATE("dueDate", false, "办结时限"),
        ADDED_ON("addedOn", false, "制定日期", "措施制定日期"),
        STARTED_ON("startedOn", false, "开始实施日期", "实施日期"),
        COMPLETED_ON("completedOn", false, "完成日期", "办结日期"),
        OUTCOME("outcome", false, "帮扶成效"),
        INCOME_EFFECT("incomeEffect", false, "增收效果", "人均增收"),
        REASON("reason", false, "回退原因"),
        PROPOSED_ON("proposedOn", false, "申请日期", "村级申请日期"),
        VERIFIED_ON("verifiedOn", false, "核实日期", "乡镇核实日期"),
        APPROVED_ON("approvedOn", false, "审定日期", "县级审定日期"),
        BACKDATING_NOTE("backdatingNote", false, "补录说明");

        private final Names names;

        Column(String english, boolean required, String... chinese) {
            this.names = new Names(english, required, chinese);
        }

        @Override
        public Names names() {
            return names;
        }
    }

    /** What a row records. */
    enum Kind {
        MEASURE("帮扶措施"), ELIMINATION("风险消除"), ROLLBACK("风险回退");

        final String chinese;

        Kind(String chinese) {
            this.chinese = chinese;
        }
    }

    /**
     * What an import did.
     *
     * @param imported     rows imported now
     * @param unchanged    rows imported here already
     * @param refusedCount rows refused; {@code refused} lists the first {@value #LISTED_REFUSALS}
     */
    public record Report(String fileName, int rows, int households, int imported, int unchanged, int refusedCount,
                         List<ImportRefusal> refused) {
    }

    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final CaseQueries queries;
    private final PolicyBook policies;
    private final TransactionManager transactions;
    private final Problems problems;
    private final ImportIds ids;
    private final Clock clock;

    AssistanceHistoryImport(CommandGateway commands, JdbcClient jdbc, CaseQueries queries, PolicyBook policies,
                            TransactionManager transactions, Problems problems, ImportIds ids, Clock clock) {
        this.commands = commands;
        this.ids = ids;
        this.jdbc = jdbc;
        this.queries = queries;
        this.policies = policies;
        this.transactions = transactions;
        this.problems = problems;
        this.clock = clock;
    }

    /**
     * A row as read: its kind, the day that orders it among the household's rows, and its values.
     *
     * @param measure  a measure's command, without its household
     * @param steps    an elimination's or rollback's days: proposed, verified, approved
     */
    private record Row(int line, Kind kind, LocalDate day, ImportMeasureCommand measure, List<LocalDate> steps,
                       String reason, String note) {
    }

    /** A household's rows, in the order of their days, and what they found. */
    private static final class Household {
        final String key;
        final List<Row> rows = new ArrayList<>();
        final List<Integer> refusedLines = new ArrayList<>();
        final List<Object> commands = new ArrayList<>();
        String householdId;
        int failedLine;
        int imported;
        int unchanged;

        Household(String key) {
            this.key = key;
        }

        List<Integer> lines() {
            List<Integer> lines = new ArrayList<>(refusedLines);
            rows.forEach(row -> lines.add(row.line()));
            lines.sort(Comparator.naturalOrder());
            return lines;
        }
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
        for (ImportLine<Column> line : lines) {
            progress.validated(1);
            String key = householdKey(line);
            Household household = households.computeIfAbsent(key, Household::new);
            try {
                household.rows.add(row(line, key, today));
            } catch (RuleViolation violation) {
                refused.add(line.number(), violation);
                household.refusedLines.add(line.number());
            }
        }

        Map<String, String> regions = regions(households.keySet().stream().filter(key -> !key.startsWith("line:"))
                .toList());
        List<Household> writes = new ArrayList<>();
        for (Household household : households.values()) {
            if (household.rows.isEmpty()) {
                continue;
            }
            if (!household.refusedLines.isEmpty()) {
                refuseRest(refused, household, household.refusedLines.get(0));
                continue;
            }
            household.rows.sort(Comparator.comparing(Row::day).thenComparing(Row::kind).thenComparing(Row::line));
            Row current = household.rows.get(0);
            try {
                String region = regions.get(household.key);
                if (region == null) {
                    throw RuleViolation.conflict("IMPORT_CASE_NOT_OPEN_YET");
                }
                if (!Jurisdiction.covers(importer, region)) {
                    throw RuleViolation.forbidden("OUT_OF_JURISDICTION", region, importer.region());
                }
                household.householdId = household.key;
                for (Row row : household.rows) {
                    current = row;
                    household.commands.add(command(fileName, household.householdId, region, row, today));
                }
                writes.add(household);
            } catch (RuleViolation violation) {
                refused.add(current.line(), violation);
                refuseRest(refused, household, current.line());
            }
        }

        ImportBatches.write(fileName, writes, BATCH, transactions, progress, household -> household.rows.size(),
                household -> send(fileName, household),
                household -> { }, (household, violation) -> {
                    household.imported = 0;
                    household.unchanged = 0;
                    refused.add(household.failedLine, violation);
                    refuseRest(refused, household, household.failedLine);
                }, null);
        int imported = writes.stream().mapToInt(household -> household.imported).sum();
        int unchanged = writes.stream().mapToInt(household -> household.unchanged).sum();
        long written = writes.stream().filter(household -> household.imported > 0).count();
        return new Report(fileName, lines.size(), (int) written, imported, unchanged, refused.count(),
                refused.listed(LISTED_REFUSALS));
    }

    /** A household's rows in the order of their days, each judged on the steps before it as when recorded live. */
    private void send(String fileName, Household household) {
        household.imported = 0;
        household.unchanged = 0;
        household.failedLine = household.rows.get(0).line();
        for (int i = 0; i < household.rows.size(); i++) {
            Row row = household.rows.get(i);
            boolean imported;
            try {
                imported = commands.sendAndWait(GenericCommandMessage.asCommandMessage(household.commands.get(i))
                        .andMetaData(Provenance.imported(fileName, row.line())));
            } catch (AggregateNotFoundException notYet) {
                household.failedLine = row.line();
                throw RuleViolation.conflict("IMPORT_CASE_NOT_OPEN_YET");
            } catch (RuleViolation violation) {
                household.failedLine = row.line();
                throw violation;
            }
            if (imported) {
                household.imported++;
            } else {
                household.unchanged++;
            }
        }
    }

    /** The command of a row, with the policy of each step's year and the monitoring facts as of its day. */
    private Object command(String fileName, String householdId, String region, Row row, LocalDate today) {
        return switch (row.kind()) {
            case MEASURE -> {
                ImportMeasureCommand m = row.measure();
                yield new ImportMeasureCommand(householdId, measureId(householdId, m), m.measureType(),
                        m.description(), m.riskTypes(), m.department(), m.responsiblePerson(), m.dueDate(),
                        m.addedOn(), m.startedOn(), m.completedOn(), m.outcome(), m.incomeEffect(), today);
            }
            case ELIMINATION -> {
                String note = note(fileName, row);
                BusinessDay proposed = day(region, row.steps().get(0), today, note);
                BusinessDay approved = day(region, row.steps().get(2), today, note);
                yield new ImportEliminationCommand(householdId, facts(householdId, region, proposed),
                        facts(householdId, region, approved), proposed, day(region, row.steps().get(1), today, note),
                        approved);
            }
            case ROLLBACK -> {
                String note = note(fileName, row);
                yield new ImportRollbackCommand(householdId, row.reason(), day(region, row.steps().get(0), today, note),
                        day(region, row.steps().get(1), today, note), day(region, row.steps().get(2), today, note));
            }
        };
    }

    /** The county approver's import is the note of a late history: the file's own, or the file and its line. */
    private static String note(String fileName, Row row) {
        return row.note() != null ? row.note() : "存量导入：" + fileName + " 第 " + row.line() + " 行";
    }

    private BusinessDay day(String region, LocalDate on, LocalDate today, String note) {
        return new BusinessDay(on, today, policies.require(region, on.getYear()).backdatingDaysWithoutNote(), note);
    }

    private MonitoringFacts facts(String householdId, String region, BusinessDay day) {
        return new MonitoringFacts(policies.require(region, day.on().getYear()),
                queries.recentRecords(householdId, YearMonth.from(day.on())));
    }

    /** The same measure of the same household gets the same id, so a second import finds it. */
    private static String measureId(String householdId, ImportMeasureCommand m) {
        return UUID.nameUUIDFromBytes(("import-measure:" + householdId + ":" + m.measureType() + ":" + m.addedOn()
                + ":" + m.description()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The household a row names: by its 户编号, else by the id derived from its head's ID number. */
    private String householdKey(ImportLine<Column> line) {
        if (line.has(Column.HOUSEHOLD_ID)) {
            return line.get(Column.HOUSEHOLD_ID);
        }
        if (line.has(Column.HEAD_ID_NUMBER)) {
            String headId = line.get(Column.HEAD_ID_NUMBER).toUpperCase(Locale.ROOT);
            return IdNumber.isValid(headId) ? ids.household(headId) : "line:" + line.number();
        }
        return "line:" + line.number();
    }

    private Row row(ImportLine<Column> line, String key, LocalDate today) {
        if (!line.has(Column.HOUSEHOLD_ID)) {
            line.required(Column.HEAD_ID_NUMBER);
            if (key.startsWith("line:")) {
                throw RuleViolation.of("IMPORT_ID_NUMBER_INVALID", Column.HEAD_ID_NUMBER.label());
            }
        }
        String kindName = line.required(Column.KIND);
        Kind kind = line.named(Column.KIND, kindName, Kind.values(), k -> k.chinese);
        String note = text(line, Column.BACKDATING_NOTE, 500);
        if (kind == Kind.MEASURE) {
            String typeName = line.required(Column.MEASURE_TYPE).replaceAll("[（(].*$", "");
            MeasureType type = line.named(Column.MEASURE_TYPE, typeName, MeasureType.values(),
                    t -> t.chineseName().replaceAll("（.*$", ""));
            List<RiskType> risks = new ArrayList<>();
            for (String part : line.parts(Column.RISK_TYPES)) {
                risks.add(line.named(Column.RISK_TYPES, part, RiskType.values(), RiskType::chineseName));
            }
            LocalDate addedOn = past(line, Column.ADDED_ON, today);
            LocalDate startedOn = line.has(Column.STARTED_ON) ? past(line, Column.STARTED_ON, today) : null;
            LocalDate completedOn = line.has(Column.COMPLETED_ON) ? past(line, Column.COMPLETED_ON, today) : null;
            LocalDate dueDate = line.has(Column.DUE_DATE) ? line.day(Column.DUE_DATE) : null;
            BigDecimal income = line.has(Column.INCOME_EFFECT) ? line.amount(Column.INCOME_EFFECT) : null;
            String description = text(line, Column.DESCRIPTION, 500);
            ImportMeasureCommand measure = new ImportMeasureCommand(null, null, type,
                    description == null ? type.chineseName() : description, List.copyOf(risks),
                    line.required(Column.DEPARTMENT), text(line, Column.RESPONSIBLE_PERSON, 100), dueDate, addedOn,
                    startedOn, completedOn, text(line, Column.OUTCOME, 500), income, today);
            return new Row(line.number(), kind, addedOn, measure, List.of(), null, note);
        }
        List<LocalDate> steps = List.of(past(line, Column.PROPOSED_ON, today), past(line, Column.VERIFIED_ON, today),
                past(line, Column.APPROVED_ON, today));
        String reason = kind == Kind.ROLLBACK ? line.required(Column.REASON) : null;
        if (reason != null && reason.length() > 500) {
            throw ImportLine.invalid(Column.REASON, reason.substring(0, 20) + "…");
        }
        return new Row(line.number(), kind, steps.get(0), null, steps, reason, note);
    }

    private static LocalDate past(ImportLine<Column> line, Column column, LocalDate today) {
        LocalDate day = line.day(column);
        if (day.isAfter(today)) {
            throw RuleViolation.of("DATE_IN_FUTURE", day);
        }
        return day;
    }

    private static String text(ImportLine<Column> line, Column column, int max) {
        String value = line.get(column);
        if (value != null && value.length() > max) {
            throw ImportLine.invalid(column, value.substring(0, 20) + "…");
        }
        return value;
    }

    private static void refuseRest(ImportRefusals refused, Household household, int refusedLine) {
        household.lines().stream().filter(line -> line != refusedLine && !household.refusedLines.contains(line))
                .forEach(line -> refused.add(line,
                        RuleViolation.of("IMPORT_HOUSEHOLD_REFUSED", refusedLine)));
    }

    /** The region of each of these households' cases, a thousand per query. */
    private Map<String, String> regions(List<String> householdIds) {
        Map<String, String> found = new HashMap<>();
        for (int from = 0; from < householdIds.size(); from += 1000) {
            List<String> chunk = householdIds.subList(from, Math.min(householdIds.size(), from + 1000));
            jdbc.sql("SELECT household_id, region_code FROM assistance_case WHERE household_id = ANY(:ids)")
                    .param("ids", chunk.toArray(String[]::new))
                    .query((rs, n) -> Map.entry(rs.getString("household_id"), rs.getString("region_code")))
                    .list().forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        }
        return found;
    }

}
