package org.fangpin.identification.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.value.CategoryFlag;
import org.fangpin.contracts.value.Health;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.Relation;
import org.fangpin.identification.command.Commands.AddMemberCommand;
import org.fangpin.identification.command.Commands.MemberDetails;
import org.fangpin.identification.command.Commands.RegisterHouseholdCommand;
import org.fangpin.identification.command.Commands.RemoveMemberCommand;
import org.fangpin.identification.command.MemberChange;
import org.fangpin.identification.query.RegistryQueries;
import org.fangpin.identification.query.RegistryQueries.HouseholdView;
import org.fangpin.identification.query.RegistryQueries.MemberView;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.BusinessDay;
import org.fangpin.platform.web.RuleViolation;

/** The household registry (户登记) and its members (家庭成员变更). */
@RestController
@RequestMapping("/api/households")
@PreAuthorize(Jurisdiction.HOUSEHOLD_READERS)
@Tag(name = "户登记", description = "Household registry and member changes")
class HouseholdController {

    private final CommandGateway commands;
    private final RegistryQueries registry;
    private final Clock clock;

    HouseholdController(CommandGateway commands, RegistryQueries registry, Clock clock) {
        this.commands = commands;
        this.registry = registry;
        this.clock = clock;
    }

    // Examples of digits are quoted JSON strings: springdoc would read "150724213201" as a number (springdoc #3221).
    @Schema(description = "A household member as the collector recorded them")
    record MemberRequest(
            @NotBlank @Size(max = 50) @Schema(example = "敖登") String name,
            @NotBlank @Schema(example = "\"150724198011050028\"") String idNumber,
            @NotNull @Schema(example = "SPOUSE") Relation relation,
            @Schema(example = "FULL") LabourCapacity labourCapacity,
            @Schema(example = "HEALTHY") Health health,
            @Size(max = 100) @Schema(example = "小学在读") String schooling,
            @Size(max = 100) @Schema(example = "区外务工") String employment) {
    }

    @Schema(description = "户登记: the head of household, the category and, optionally, the other members")
    record RegisterHouseholdRequest(
            @NotBlank @Pattern(regexp = "\\d{12}", message = "{fangpin.regionCode.village}")
            @Schema(example = "\"150724213201\"") String regionCode,
            @Min(1) @Max(99) @Schema(example = "3") Integer villageGroup,
            @NotBlank @Size(max = 50) @Schema(example = "敖日格乐") String headName,
            @NotBlank @Schema(example = "\"150724197803120210\"") String headIdNumber,
            @Schema(example = "PARTIAL") LabourCapacity headLabourCapacity,
            @Schema(example = "CHRONIC_ILLNESS") Health headHealth,
            @Size(max = 100) String headEmployment,
            @NotNull @Schema(example = "POVERTY_ALLEVIATED") HouseholdCategory category,
            List<@NotNull CategoryFlag> categoryFlags,
            @NotNull @Min(1) @Max(30) @Schema(description = "家庭人口 as declared", example = "4") Integer memberCount,
            @Size(max = 29) List<@Valid @NotNull MemberRequest> members) {
    }

    record Registered(String householdId) {
    }

    @Schema(description = "家庭成员增加 (出生, 婚入, 迁入)")
    record AddMemberRequest(@NotNull @Valid MemberRequest member,
                            @NotNull @Schema(example = "BIRTH") MemberChange change,
                            @Schema(description = "defaults to today", example = "2024-05-20") LocalDate changedOn) {
    }

    @Schema(description = "家庭成员减少 (死亡, 婚出, 迁出)")
    record RemoveMemberRequest(@NotNull @Schema(example = "MOVED_OUT") MemberChange change,
                               @Schema(description = "defaults to today", example = "2024-05-20")
                               LocalDate changedOn) {
    }

    record MemberReference(String householdId, String memberId) {
    }

    record HouseholdDetails(String householdId, String regionCode, Integer villageGroup, String headName,
                            String headIdNumber, String category, List<String> categoryFlags, int memberCount,
                            String objectType, boolean underIdentification, String openLeadId,
                            boolean riskEliminated, List<Member> members) {
    }

    /**
     * A member as the reader may see them. Roles that see ID numbers masked get neither the birth date nor the
     * health: the birth date and the address code would give back most of the hidden digits, so they get the age.
     */
    @Schema(description = "A household member; idNumber masked, birthDate and health left out for roles that do "
            + "not need them")
    record Member(String memberId, String name, String idNumber, String relation,
                  @Schema(description = "for roles that see ID numbers in full only") LocalDate birthDate,
                  @Schema(description = "whole years today") Integer age, String labourCapacity,
                  @Schema(description = "for roles that see ID numbers in full only") String health,
                  String schooling, String employment, String joinedBy, LocalDate joinedOn, String leftBy,
                  LocalDate leftOn) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER')")
    @Operation(summary = "户登记 — register a household with its head and members",
            description = "A village officer, township reviewer or county approver registers a household of their "
                    + "region (201 with its id). Emits HouseholdRegistered, then MemberAdded for the head and each "
                    + "member. Every ID number is checked (GB 11643) and may be a current member of one household only: 409 "
                    + "HOUSEHOLD_ALREADY_REGISTERED with that household's id when it lies within the caller's region, "
                    + "else 409 IDENT_PERSON_ALREADY_REGISTERED, which tells nothing of it.")
    Registered register(@Valid @RequestBody RegisterHouseholdRequest request) {
        Jurisdiction.requireWritableWithin(request.regionCode());
        LocalDate today = LocalDate.now(clock);
        List<MemberDetails> members = new ArrayList<>();
        members.add(details(new MemberRequest(request.headName(), request.headIdNumber(), Relation.HEAD,
                request.headLabourCapacity(), request.headHealth(), null, request.headEmployment())));
        if (request.members() != null) {
            request.members().forEach(member -> members.add(details(member)));
        }
        requireDistinctPersons(members);
        if (request.memberCount() < members.size()) {
            throw RuleViolation.of("IDENT_MEMBER_COUNT_BELOW_MEMBERS", request.memberCount(), members.size());
        }
        String householdId = UUID.randomUUID().toString();
        Registry.send(() -> commands.sendAndWait(new RegisterHouseholdCommand(householdId, request.regionCode(),
                request.villageGroup(), request.category(),
                request.categoryFlags() == null ? List.of() : request.categoryFlags(),
                request.memberCount(), members, today)));
        return new Registered(householdId);
    }

    @GetMapping("/{householdId}")
    @Operation(summary = "户信息 — the household with its members; ID numbers masked for roles that do not need them",
            description = "Any reader within the household's region: the head, category, object type, whether the "
                    + "household is under identification or its risk eliminated, and every member with how and "
                    + "when they joined or left. ID numbers are masked, and birth dates and health left out, "
                    + "for roles that do not need them.")
    HouseholdDetails household(@PathVariable String householdId) {
        HouseholdView household = registry.household(householdId)
                .orElseThrow(() -> RuleViolation.notFound("HOUSEHOLD_NOT_FOUND", householdId));
        Jurisdiction.requireWithin(household.regionCode());
        boolean seesIdNumbers = Jurisdiction.seesIdNumbers();
        LocalDate today = LocalDate.now(clock);
        List<Member> members = registry.members(householdId).stream()
                .map(member -> member(member, seesIdNumbers, today)).toList();
        return new HouseholdDetails(household.householdId(), household.regionCode(), household.villageGroup(),
                household.headName(),
                Jurisdiction.idNumber(household.headIdNumber()),
                household.category(), household.categoryFlags().isEmpty() ? List.of()
                        : Arrays.asList(household.categoryFlags().split(",")),
                household.memberCount(), household.objectType(), household.openLeadId() != null,
                household.openLeadId(), household.riskEliminated(), members);
    }

    @PostMapping("/{householdId}/members")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER')")
    @Operation(summary = "家庭成员增加 — a member joins (birth, marriage, moving in)",
            description = "A village officer, township reviewer or county approver of the household's region "
                    + "records a member joining on the day it happened (changedOn, default today). The ID "
                    + "number is checked (GB 11643) and may belong to a current member of one household only "
                    + "(409).")
    MemberReference addMember(@PathVariable String householdId, @Valid @RequestBody AddMemberRequest request) {
        HouseholdView household = writableHousehold(householdId);
        MemberDetails member = details(request.member());
        requireDistinctPersons(List.of(member));
        Registry.send(() -> commands.sendAndWait(new AddMemberCommand(household.householdId(), member,
                request.change(), BusinessDay.happenedOn(request.changedOn(), clock))));
        return new MemberReference(householdId, member.memberId());
    }

    @PostMapping("/{householdId}/members/{memberId}/removal")
    @PreAuthorize("hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER')")
    @Operation(summary = "家庭成员减少 — a member leaves (death, marriage, moving out); the history keeps them",
            description = "A village officer, township reviewer or county approver of the household's region "
                    + "records a member leaving on the day it happened (changedOn, default today); the member "
                    + "stays in the household's history.")
    MemberReference removeMember(@PathVariable String householdId, @PathVariable String memberId,
                                 @Valid @RequestBody RemoveMemberRequest request) {
        HouseholdView household = writableHousehold(householdId);
        commands.sendAndWait(new RemoveMemberCommand(household.householdId(), memberId, request.change(),
                BusinessDay.happenedOn(request.changedOn(), clock)));
        return new MemberReference(householdId, memberId);
    }

    private HouseholdView writableHousehold(String householdId) {
        HouseholdView household = registry.household(householdId)
                .orElseThrow(() -> RuleViolation.notFound("HOUSEHOLD_NOT_FOUND", householdId));
        Jurisdiction.requireWritableWithin(household.regionCode());
        return household;
    }

    /** Each person once: valid ID numbers, none twice in the request, none a current member elsewhere. */
    private void requireDistinctPersons(List<MemberDetails> members) {
        if (members.stream().map(MemberDetails::idNumber).distinct().count() < members.size()) {
            throw RuleViolation.of("IDENT_PERSON_LISTED_TWICE");
        }
        members.forEach(member -> registry.householdOfPerson(member.idNumber()).ifPresent(other -> {
            // Where the person lives is told only to those whose region covers it.
            if (Jurisdiction.covers(RequestContext.requireActor(), other.regionCode())) {
                throw RuleViolation.conflict("HOUSEHOLD_ALREADY_REGISTERED", other.householdId());
            }
            throw RuleViolation.conflict("IDENT_PERSON_ALREADY_REGISTERED");
        }));
    }

    private static MemberDetails details(MemberRequest member) {
        if (!IdNumber.isValid(member.idNumber())) {
            throw RuleViolation.of("INVALID_ID_NUMBER");
        }
        String idNumber = member.idNumber().toUpperCase();
        LocalDate birthDate = LocalDate.of(Integer.parseInt(idNumber.substring(6, 10)),
                Integer.parseInt(idNumber.substring(10, 12)), Integer.parseInt(idNumber.substring(12, 14)));
        return new MemberDetails(UUID.randomUUID().toString(), member.name(), idNumber, member.relation(), birthDate,
                member.labourCapacity(), member.health(), member.schooling(), member.employment());
    }

    private static Member member(MemberView member, boolean seesIdNumbers, LocalDate today) {
        return new Member(member.memberId(), member.name(),
                seesIdNumbers ? member.idNumber() : IdNumber.mask(member.idNumber()), member.relation(),
                seesIdNumbers ? member.birthDate() : null,
                member.birthDate() == null ? null : Period.between(member.birthDate(), today).getYears(),
                member.labourCapacity(), seesIdNumbers ? member.health() : null, member.schooling(),
                member.employment(), member.joinedBy(), member.joinedOn(), member.leftBy(), member.leftOn());
    }
}
