package org.fangpin.identification.process;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.value.Health;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.Relation;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.identification.command.Commands.DecisionPolicy;
import org.fangpin.identification.command.Commands.ImportHouseholdCommand;
import org.fangpin.identification.command.Commands.ImportIdentificationCommand;
import org.fangpin.identification.command.Commands.ImportMemberCommand;
import org.fangpin.identification.command.Commands.ImportedIdentification;
import org.fangpin.identification.command.Commands.MemberDetails;
import org.fangpin.identification.config.ObjectModels;
import org.fangpin.identification.process.ImportFile.Column;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.Provenance;
import org.fangpin.platform.imports.FileImport;
import org.fangpin.platform.imports.ImportBatches;
import org.fangpin.platform.imports.ImportIds;
import org.fangpin.platform.imports.ImportLine;
import org.fangpin.platform.imports.ImportProgress;
import org.fangpin.platform.imports.ImportRefusal;
import org.fangpin.platform.imports.ImportRefusals;
import org.fangpin.platform.imports.ImportTable;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.policy.PolicyBook;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.Problems;
import org.fangpin.platform.web.RuleViolation;

/**
 * 存量导入: the county's existing register (households with their heads, and their identification as monitoring
 * objects on its original day) taken in from a file. The whole file is validated first, set-based (the ID numbers
 * already registered are read with one query per thousand rows); a row the rules refuse is reported with its line
 * and reason in Chinese and nothing of it is written; the others become the commands the live procedure gives, in
 * units of work of {@value #BATCH} rows, each a short transaction. Every event carries the importer (the actor), the
 * file and the line. A household already registered with the same head is not registered again and one already
 * identified is not identified again, so importing the same file twice changes nothing.
 */
@Component
public class HouseholdImport implements FileImport {

    /** Rows per unit of work: a short transaction (DESIGN.md, silent skips) that still amortises the commit. */
    static final int BATCH = 250;
    /** How many refused rows a report lists; the count covers all of them. */
    static final int LISTED_REFUSALS = 1000;

    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final PolicyBook policies;
    private final ObjectModels objectModels;
    private final TransactionManager transactions;
    private final Problems problems;
    private final ImportIds ids;
    private final Clock clock;

    HouseholdImport(CommandGateway commands, JdbcClient jdbc, PolicyBook policies, ObjectModels objectModels,
                    TransactionManager transactions, Problems problems, ImportIds ids, Clock clock) {
        this.commands = commands;
        this.ids = ids;
        this.jdbc = jdbc;
        this.policies = policies;
        this.objectModels = objectModels;
        this.transactions = transactions;
        this.problems = problems;
        this.clock = clock;
    }

    /**
     * What an import did.
     *
     * @param registered   households registered (identified too when their row says so)
     * @param identified   households identified as monitoring objects, newly registered or registered before
     * @param membersAdded members besides the head registered, with a new household or into one registered before
     * @param unchanged    rows whose household or member was registered (and, if their row says so, identified)
     *                     already
     * @param refusedCount rows refused; {@code refused} lists the first {@value #LISTED_REFUSALS}
     */
    public record Report(String fileName, int rows, int registered, int identified, int membersAdded, int unchanged,
                         int refusedCount, List<ImportRefusal> refused) {
    }

    /** The import by the current actor (the importer), who may write only within their region. */
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
        Map<String, Family> families = new LinkedHashMap<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        for (ImportLine<Column> line : lines) {
            progress.validated(1);
            String headId = Optional.ofNullable(line.get(Column.HEAD_ID_NUMBER))
                    .map(id -> id.toUpperCase(Locale.ROOT)).orElse("line:" + line.number());
            Family family = families.computeIfAbsent(headId, Family::new);
            try {
                if (isMemberLine(line)) {
                    MemberRow member = memberRow(line, today);
                    notTwice(firstLineOf, member.member().idNumber(), line);
                    family.members.add(member);
                } else {
                    Row row = row(line, importer, today);
                    notTwice(firstLineOf, row.head().idNumber(), line);
                    family.head = row;
                    family.headLine = line.number();
                }
            } catch (RuleViolation violation) {
                refused.add(line.number(), violation);
                if ("IMPORT_DUPLICATE_ROW".equals(violation.code())) {
                    // The first row of a person stands; only the repetition is refused.
                    continue;
                }
                if (!isMemberLine(line) && family.headLine == 0) {
                    family.headLine = line.number();
                }
                family.refuse(line.number());
            }
        }

        List<String> people = new ArrayList<>();
        families.values().stream().filter(family -> family.refusedLine == 0).forEach(family -> {
            people.add(family.headId);
            family.members.forEach(member -> people.add(member.member().idNumber()));
        });
        Map<String, Registered> registered = registered(people);
        Map<String, Optional<DecisionPolicy>> policyCache = new HashMap<>();
        List<Write> writes = new ArrayList<>();
        int unchanged = 0;
        for (Family family : families.values()) {
            if (family.refusedLine != 0) {
                // Nothing of a household is written when one of its rows is refused.
                family.lines().filter(line -> !family.refusedLines.contains(line)).forEach(line -> refused.add(
                        line, RuleViolation.of("IMPORT_HOUSEHOLD_REFUSED", family.refusedLine)));
                continue;
            }
            if (family.head == null && family.members.isEmpty()) {
                continue;
            }
            int[] lineAt = {family.headLine};
            try {
                Write write = write(importer, fileName, family, registered, policyCache, lineAt);
                unchanged += write.unchanged();
                if (write.steps().isEmpty()) {
                    progress.written(write.lines().size());
                } else {
                    writes.add(write);
                }
            } catch (RuleViolation violation) {
                refused.add(lineAt[0], violation);
                family.lines().filter(line -> line != lineAt[0]).forEach(line -> refused.add(
                        line, RuleViolation.of("IMPORT_HOUSEHOLD_REFUSED", lineAt[0])));
            }
        }

        int[] done = new int[3];
        ImportBatches.write(fileName, writes, BATCH, transactions, progress, write -> write.lines().size(), this::send,
                write -> count(write, done),
                (write, violation) -> write.lines().forEach(line -> refused.add(line, violation)),
                "IMPORT_PERSON_REGISTERED_MEANWHILE");
        return new Report(fileName, lines.size(), done[0], done[1], done[2], unchanged, refused.count(),
                refused.listed(LISTED_REFUSALS));
    }

    /** A row as the rules read it. */
    private record Row(int line, String regionCode, Integer villageGroup, MemberDetails head, int memberCount,
                       HouseholdCategory category, ObjectType objectType, List<RiskType> riskTypes,
                       LocalDate identifiedOn, BigDecimal perCapitaNetIncome, LocalDate today) {
    }

    /** A member's row (not the head's), naming its household by the head's ID number. */
    private record MemberRow(int line, String headId, MemberDetails member, LocalDate today) {
    }

    /** The rows of one household in the file: the head's row (if the file has it) and its members' rows. */
    private static final class Family {
        final String headId;
        Row head;
        int headLine;
        final List<MemberRow> members = new ArrayList<>();
        int refusedLine;
        final Set<Integer> refusedLines = new HashSet<>();

        Family(String headId) {
            this.headId = headId;
        }

        void refuse(int line) {
            refusedLines.add(line);
            if (refusedLine == 0) {
                refusedLine = line;
            }
        }

        /** Every line of the household in the file, the refused ones included. */
        java.util.stream.Stream<Integer> lines() {
            Set<Integer> all = new java.util.TreeSet<>(refusedLines);
            if (headLine != 0) {
                all.add(headLine);
            }
            members.forEach(member -> all.add(member.line()));
            return all.stream();
        }
    }

    /** A person already current in the registry: their household, whether they head it, and what it is. */
    private record Registered(String householdId, String regionCode, boolean head, boolean identified,
                              boolean caseOpen) {
    }

    /** A command to send, with the line it came from (its events carry that line). */
    private record Step(Object command, int line) {
    }

    /**
     * The commands for one household, sent in one unit of work so nothing of it is half-written, with what they do
     * and the rows found unchanged.
     */
    private record Write(List<Integer> lines, List<Step> steps, boolean registers, boolean identifies, int members,
                         int unchanged, String fileName) {
    }

    private static boolean isMemberLine(ImportLine<Column> line) {
        String relation = line.get(Column.RELATION);
        return relation != null && !relation.equals(Relation.HEAD.chineseName())
                && !relation.equalsIgnoreCase(Relation.HEAD.name());
    }

    private static void notTwice(Map<String, Integer> firstLineOf, String idNumber, ImportLine<Column> line) {
        Integer first = firstLineOf.putIfAbsent(idNumber, line.number());
        if (first != null) {
            throw RuleViolation.of("IMPORT_DUPLICATE_ROW", first);
        }
    }

    private MemberRow memberRow(ImportLine<Column> line, LocalDate today) {
        String headId = line.required(Column.HEAD_ID_NUMBER).toUpperCase(Locale.ROOT);
        if (!IdNumber.isValid(headId)) {
            throw RuleViolation.of("IMPORT_ID_NUMBER_INVALID", Column.HEAD_ID_NUMBER.label());
        }
        String idNumber = line.required(Column.MEMBER_ID_NUMBER).toUpperCase(Locale.ROOT);
        if (!IdNumber.isValid(idNumber)) {
            throw RuleViolation.of("IMPORT_ID_NUMBER_INVALID", Column.MEMBER_ID_NUMBER.label());
        }
        if (idNumber.equals(headId)) {
            throw RuleViolation.of("IMPORT_VALUE_INVALID", Column.RELATION.label(), line.get(Column.RELATION));
        }
        String name = line.required(Column.MEMBER_NAME);
        if (name.length() > 50) {
            throw RuleViolation.of("IMPORT_VALUE_INVALID", Column.MEMBER_NAME.label(), name);
        }
        Relation relation = line.named(Column.RELATION, Relation.values(), Relation::chineseName);
        return new MemberRow(line.number(), headId, person(line, name, idNumber, relation, today), today);
    }

    /** A person's details as the live registration takes them; the birth date, if not given, from the ID number. */
    private static MemberDetails person(ImportLine<Column> line, String name, String idNumber, Relation relation,
                                        LocalDate today) {
        LocalDate birthDate = line.get(Column.BIRTH_DATE) == null ? birthDateOf(idNumber)
                : line.day(Column.BIRTH_DATE);
        if (birthDate != null && birthDate.isAfter(today)) {
            throw RuleViolation.of("DATE_IN_FUTURE", birthDate);
        }
        LabourCapacity labour = line.get(Column.LABOUR_CAPACITY) == null ? null
                : line.named(Column.LABOUR_CAPACITY, LabourCapacity.values(), LabourCapacity::chineseName);
        Health health = line.get(Column.HEALTH) == null ? null
                : line.named(Column.HEALTH, Health.values(), Health::chineseName);
        return new MemberDetails(UUID.nameUUIDFromBytes(("import-member:" + idNumber)
                .getBytes(StandardCharsets.UTF_8)).toString(), name, idNumber, relation, birthDate, labour, health,
                text(line, Column.SCHOOLING), text(line, Column.EMPLOYMENT));
    }

    private static LocalDate birthDateOf(String idNumber) {
        try {
            return LocalDate.parse(idNumber.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(ImportLine<Column> line, Column column) {
        String value = line.get(column);
        if (value != null && value.length() > 100) {
            throw RuleViolation.of("IMPORT_VALUE_INVALID", column.label(), value.substring(0, 20) + "…");
        }
        return value;
    }

    private Row row(ImportLine<Column> line, Actor importer, LocalDate today) {
        String region = line.required(Column.REGION_CODE);
        if (!region.matches("\\d{12}")) {
            throw RuleViolation.of("IMPORT_REGION_INVALID", region);
        }
        if (!Jurisdiction.covers(importer, region)) {
            throw RuleViolation.forbidden("OUT_OF_JURISDICTION", region, importer.region());
        }
        String idNumber = line.required(Column.HEAD_ID_NUMBER).toUpperCase(Locale.ROOT);
        if (!IdNumber.isValid(idNumber)) {
            throw RuleViolation.of("IMPORT_ID_NUMBER_INVALID", Column.HEAD_ID_NUMBER.label());
        }
        String name = line.required(Column.HEAD_NAME);
        if (name.length() > 50) {
            throw RuleViolation.of("IMPORT_VALUE_INVALID", Column.HEAD_NAME.label(), name);
        }
        int memberCount = line.number(Column.MEMBER_COUNT, 1, 30);
        Integer group = line.get(Column.VILLAGE_GROUP) == null ? null : line.number(Column.VILLAGE_GROUP, 1, 99);
        HouseholdCategory category = line.named(Column.CATEGORY, HouseholdCategory.values(),
                HouseholdCategory::chineseName);
        MemberDetails head = person(line, name, idNumber, Relation.HEAD, today);

        ObjectType objectType = line.get(Column.OBJECT_TYPE) == null ? null
                : line.named(Column.OBJECT_TYPE, ObjectType.values(), ObjectType::chineseName);
        if (objectType == null) {
            return new Row(line.number(), region, group, head, memberCount, category, null, List.of(), null, null,
                    today);
        }
        if (!objectModels.of(region).objectTypes().contains(objectType)) {
            throw RuleViolation.of("IDENT_OBJECT_TYPE_NOT_OFFERED", objectType);
        }
        List<RiskType> risks = riskTypes(line);
        LocalDate identifiedOn = line.day(Column.IDENTIFIED_ON);
        if (identifiedOn.isAfter(today)) {
            throw RuleViolation.of("DATE_IN_FUTURE", identifiedOn);
        }
        BigDecimal income = line.get(Column.PER_CAPITA_NET_INCOME) == null ? null
                : line.amount(Column.PER_CAPITA_NET_INCOME);
        return new Row(line.number(), region, group, head, memberCount, category, objectType, risks, identifiedOn,
                income, today);
    }

    /**
     * The commands for a household's rows: its registration (or, registered before, its identification if not yet
     * identified) and the members not registered yet. {@code lineAt} names the row a refusal is about.
     */
    private Write write(Actor importer, String fileName, Family family, Map<String, Registered> registered,
                        Map<String, Optional<DecisionPolicy>> policyCache, int[] lineAt) {
        List<Integer> lines = family.lines().toList();
        List<Step> steps = new ArrayList<>();
        boolean registers = false;
        boolean identifies = false;
        int unchanged = 0;
        Row row = family.head;
        Registered before = registered.get(family.headId);
        String householdId;
        LocalDate today;
        if (row == null) {
            lineAt[0] = family.members.get(0).line();
            if (before == null || !before.head()) {
                throw RuleViolation.of("IMPORT_HOUSEHOLD_NOT_FOUND", family.headId.substring(0, 6) + "…");
            }
            if (!Jurisdiction.covers(importer, before.regionCode())) {
                throw RuleViolation.forbidden("OUT_OF_JURISDICTION", before.regionCode(), importer.region());
            }
            householdId = before.householdId();
            today = family.members.get(0).today();
        } else if (before == null) {
            householdId = ids.household(row.head().idNumber());
            today = row.today();
            ImportedIdentification identification = row.objectType() == null ? null
                    : identification(row, policyCache);
            steps.add(new Step(new ImportHouseholdCommand(householdId, row.regionCode(), row.villageGroup(),
                    row.category(), row.memberCount(), row.head(), today, identification), row.line()));
            registers = true;
            identifies = identification != null;
        } else {
            if (!before.head()) {
                throw RuleViolation.conflict("IMPORT_PERSON_IN_OTHER_HOUSEHOLD");
            }
            householdId = before.householdId();
            today = row.today();
            ImportedIdentification identification = row.objectType() == null ? null
                    : identification(row, policyCache);
            if (identification == null || before.identified()) {
                unchanged++;
            } else {
                if (before.caseOpen()) {
                    throw RuleViolation.conflict("IMPORT_CASE_OPEN", before.householdId());
                }
                steps.add(new Step(new ImportIdentificationCommand(householdId, identification), row.line()));
                identifies = true;
            }
        }
        int members = 0;
        for (MemberRow member : family.members) {
            lineAt[0] = member.line();
            Registered person = registered.get(member.member().idNumber());
            if (person != null && !person.householdId().equals(householdId)) {
                throw RuleViolation.conflict("IMPORT_MEMBER_IN_OTHER_HOUSEHOLD");
            }
            if (person != null) {
                unchanged++;
            } else {
                steps.add(new Step(new ImportMemberCommand(householdId, member.member(), today), member.line()));
                members++;
            }
        }
        lineAt[0] = family.headLine;
        return new Write(lines, steps, registers, identifies, members, unchanged, fileName);
    }

    private ImportedIdentification identification(Row row, Map<String, Optional<DecisionPolicy>> policyCache) {
        int year = row.identifiedOn().getYear();
        DecisionPolicy policy = policyCache.computeIfAbsent(row.regionCode() + "/" + year,
                        key -> policies.inForce(row.regionCode(), year).map(inForce ->
                                new DecisionPolicy(inForce.regionPrefix(), inForce.year(), inForce.thresholds())))
                .orElseThrow(() -> RuleViolation.of("POLICY_MISSING", row.regionCode(), year));
        String leadId = UUID.nameUUIDFromBytes(("import-lead:" + row.head().idNumber() + ":" + row.identifiedOn())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new ImportedIdentification(leadId, row.objectType(), row.riskTypes(), row.head().labourCapacity(),
                row.perCapitaNetIncome(), row.identifiedOn(), policy);
    }

    /**
     * The heads and members already current in the registry among these ID numbers, a thousand per query, each number
     * one probe of the index of current ID numbers (the lateral subquery with its limit is planned per number).
     * Written as {@code id_number = ANY(...)} or as a plain join with the numbers, PostgreSQL read the whole member
     * table for every thousand whenever its statistics were missing or stale (autovacuum not yet run): 1.6 s a
     * thousand in a register of 200,000, and an import that slowed as the register grew.
     */
    private Map<String, Registered> registered(List<String> idNumbers) {
        Map<String, Registered> found = new HashMap<>();
        for (int from = 0; from < idNumbers.size(); from += 1000) {
            List<String> chunk = idNumbers.subList(from, Math.min(idNumbers.size(), from + 1000));
            jdbc.sql("""
                            SELECT m.id_number, m.household_id, h.region_code, m.relation, h.object_type, h.open_lead_id
                            FROM unnest(CAST(:ids AS VARCHAR[])) AS asked (id_number)
                            CROSS JOIN LATERAL (SELECT * FROM member_view current
                                                WHERE current.id_number = asked.id_number AND current.left_on IS NULL
                                                LIMIT 1) m
                            JOIN household_view h ON h.household_id = m.household_id""")
                    .param("ids", chunk.toArray(String[]::new))
                    .query((rs, n) -> Map.entry(rs.getString("id_number"), new Registered(
                            rs.getString("household_id"), rs.getString("region_code"), Relation.HEAD.name().equals(rs.getString("relation")),
                            rs.getString("object_type") != null, rs.getString("open_lead_id") != null)))
                    .list().forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        }
        return found;
    }

    /**
     * A household's commands, in the unit of work of its batch. A person registered meanwhile by someone else (the
     * unique ID number refuses the projection's insert when the batch commits) is a refusal of the household, not a
     * failure of the import ({@code IMPORT_PERSON_REGISTERED_MEANWHILE}, given to {@link ImportBatches}).
     */
    private void send(Write write) {
        for (Step step : write.steps()) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(step.command())
                    .andMetaData(Provenance.imported(write.fileName(), step.line())));
        }
    }

    private static void count(Write write, int[] done) {
        done[0] += write.registers() ? 1 : 0;
        done[1] += write.identifies() ? 1 : 0;
        done[2] += write.members();
    }



    /** 风险类型: one or more, separated by 、，,；; or spaces. */
    private static List<RiskType> riskTypes(ImportLine<Column> line) {
        Set<RiskType> risks = new LinkedHashSet<>();
        for (String part : line.parts(Column.RISK_TYPES)) {
            risks.add(line.named(Column.RISK_TYPES, part, RiskType.values(), RiskType::chineseName));
        }
        if (risks.isEmpty()) {
            throw RuleViolation.of("IMPORT_VALUE_MISSING", Column.RISK_TYPES.label());
        }
        return List.copyOf(EnumSet.copyOf(risks));
    }
}
