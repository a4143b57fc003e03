package org.fangpin.identification.command;

import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.fangpin.contracts.identification.CountyReturned;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdReidentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.HouseholdVerified;
import org.fangpin.contracts.identification.IdentificationOverdue;
import org.fangpin.contracts.identification.IdentificationRejected;
import org.fangpin.contracts.identification.LeadMerged;
import org.fangpin.contracts.identification.LeadReported;
import org.fangpin.contracts.identification.MemberAdded;
import org.fangpin.contracts.identification.MemberRemoved;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.identification.PublicNoticeObjectionRecorded;
import org.fangpin.contracts.identification.ReidentificationOpened;
import org.fangpin.contracts.identification.TownshipApproved;
import org.fangpin.contracts.identification.TownshipReturned;
import org.fangpin.contracts.identification.VillageEvaluationRecorded;
import org.fangpin.contracts.value.CategoryFlag;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.Health;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.LeadChannel;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.Relation;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.identification.command.Commands.AddMemberCommand;
import org.fangpin.identification.command.Commands.ApproveAtTownshipCommand;
import org.fangpin.identification.command.Commands.CountyDating;
import org.fangpin.identification.command.Commands.DecisionPolicy;
import org.fangpin.identification.command.Commands.IdentifyAtCountyCommand;
import org.fangpin.identification.command.Commands.ImportHouseholdCommand;
import org.fangpin.identification.command.Commands.ImportIdentificationCommand;
import org.fangpin.identification.command.Commands.ImportMemberCommand;
import org.fangpin.identification.command.Commands.ImportedIdentification;
import org.fangpin.identification.command.Commands.MemberDetails;
import org.fangpin.identification.command.Commands.NoteRiskEliminatedCommand;
import org.fangpin.identification.command.Commands.NoteRiskRolledBackCommand;
import org.fangpin.identification.command.Commands.OpenReidentificationCommand;
import org.fangpin.identification.command.Commands.RaiseOverdueCommand;
import org.fangpin.identification.command.Commands.RecordObjectionCommand;
import org.fangpin.identification.command.Commands.RecordVerificationCommand;
import org.fangpin.identification.command.Commands.RecordVillageEvaluationCommand;
import org.fangpin.identification.command.Commands.RegisterHouseholdCommand;
import org.fangpin.identification.command.Commands.RejectAtCountyCommand;
import org.fangpin.identification.command.Commands.RemoveMemberCommand;
import org.fangpin.identification.command.Commands.ReportLeadCommand;
import org.fangpin.identification.command.Commands.ReturnFromCountyCommand;
import org.fangpin.identification.command.Commands.ReturnFromTownshipCommand;
import org.fangpin.identification.command.InternalEvents.BackdatingNoted;
import org.fangpin.identification.command.InternalEvents.DecisionThresholdsRecorded;
import org.fangpin.identification.command.InternalEvents.IdentificationImported;
import org.fangpin.identification.command.InternalEvents.RiskEliminationNoted;
import org.fangpin.identification.command.InternalEvents.RiskRollbackNoted;
import org.fangpin.platform.web.RuleViolation;

class HouseholdTest {

    private static final String HOUSEHOLD = "hh-1";
    private static final String VILLAGE = "150724213201";
    private static final String LEAD = "lead-1";
    /** A Monday: five working days later is the next Monday. */
    private static final LocalDate JUNE_3 = LocalDate.of(2024, 6, 3);
    private static final DueDates DUE = new DueDates(LocalDate.of(2024, 6, 10), LocalDate.of(2024, 6, 18));
    private static final BigDecimal INCOME = new BigDecimal("7200.00");
    private static final BigDecimal LINE = new BigDecimal("8300.00");
    /** The seeds' policy: a notice of 5 days, 7 for 低保 and 特困 objects (the low-income seed). */
    private static final PolicyThresholds POLICY = new PolicyThresholds(LINE, new BigDecimal("5000.00"),
            new BigDecimal("10000.00"), new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6, 15, 6,
            Map.of(ObjectType.MINIMUM_LIVING_ALLOWANCE, 7, ObjectType.EXTREME_HARDSHIP_SUPPORT, 7), Map.of(), 40);
    private static final DecisionPolicy DECISION_POLICY = new DecisionPolicy("15", 2024, POLICY);
    private static final List<ObjectType> PREVENTION_TYPES = List.of(ObjectType.UNSTABLE_ALLEVIATED,
            ObjectType.MARGINAL_VULNERABLE, ObjectType.SUDDEN_HARDSHIP);
    private static final MemberDetails HEAD = new MemberDetails("m-head", "敖日格乐", "150724197803120210",
            Relation.HEAD, LocalDate.of(1978, 3, 12), LabourCapacity.PARTIAL, Health.SERIOUS_ILLNESS, null, "务农");
    private static final MemberDetails SPOUSE = new MemberDetails("m-spouse", "其其格", "150724198011050028",
            Relation.SPOUSE, LocalDate.of(1980, 11, 5), LabourCapacity.FULL, Health.HEALTHY, null, "区内务工");
    private static final MemberDetails NEWBORN = new MemberDetails("m-baby", "敖小宝", "150724202405200013",
            Relation.CHILD, LocalDate.of(2024, 5, 20), LabourCapacity.NONE, Health.HEALTHY, null, null);

    private FixtureConfiguration<Household> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Household.class);
    }

    @Nested
    class Registry {

        @Test
        void registeringAHouseholdRecordsItThenEveryMemberHeadFirst() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterHouseholdCommand(HOUSEHOLD, VILLAGE, 3, HouseholdCategory.POVERTY_ALLEVIATED,
                            List.of(CategoryFlag.MINIMUM_LIVING_ALLOWANCE), 4, List.of(HEAD, SPOUSE), JUNE_3))
                    .expectEvents(
                            new HouseholdRegistered(HOUSEHOLD, VILLAGE, 3, "敖日格乐", "150724197803120210",
                                    HouseholdCategory.POVERTY_ALLEVIATED, 4,
                                    List.of(CategoryFlag.MINIMUM_LIVING_ALLOWANCE)),
                            memberAdded(HEAD, "REGISTRATION", JUNE_3), memberAdded(SPOUSE, "REGISTRATION", JUNE_3));
        }

        @Test
        void aRegistrationMustListItsHeadFirst() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterHouseholdCommand(HOUSEHOLD, VILLAGE, 3, HouseholdCategory.GENERAL, List.of(), 2,
                            List.of(SPOUSE, HEAD), JUNE_3))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_REGISTRATION_NEEDS_ONE_HEAD"))
                    .expectNoEvents();
        }

        @Test
        void aBirthAddsAMember() {
            fixture.given(registered(), memberAdded(HEAD, "REGISTRATION", JUNE_3))
                    .when(new AddMemberCommand(HOUSEHOLD, NEWBORN, MemberChange.BIRTH, JUNE_3))
                    .expectEvents(memberAdded(NEWBORN, "BIRTH", JUNE_3));
        }

        @Test
        void aMemberWhoJoinsLaterIsNeverASecondHead() {
            fixture.given(registered(), memberAdded(HEAD, "REGISTRATION", JUNE_3))
                    .when(new AddMemberCommand(HOUSEHOLD, HEAD, MemberChange.MOVED_IN, JUNE_3))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_REGISTRATION_NEEDS_ONE_HEAD"))
                    .expectNoEvents();
        }

        @Test
        void aDeathDoesNotAddAMember() {
            fixture.given(registered(), memberAdded(HEAD, "REGISTRATION", JUNE_3))
                    .when(new AddMemberCommand(HOUSEHOLD, NEWBORN, MemberChange.DEATH, JUNE_3))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_MEMBER_CHANGE_INVALID"))
                    .expectNoEvents();
        }

        @Test
        void aMemberWhoMovesOutLeavesTheHousehold() {
            fixture.given(registered(), memberAdded(HEAD, "REGISTRATION", JUNE_3),
                            memberAdded(SPOUSE, "REGISTRATION", JUNE_3))
                    .when(new RemoveMemberCommand(HOUSEHOLD, "m-spouse", MemberChange.MOVED_OUT, JUNE_3))
                    .expectEvents(new MemberRemoved(HOUSEHOLD, VILLAGE, "m-spouse", "MOVED_OUT", JUNE_3));
        }

        @Test
        void aBirthDoesNotRemoveAMember() {
            fixture.given(registered(), memberAdded(HEAD, "REGISTRATION", JUNE_3),
                            memberAdded(SPOUSE, "REGISTRATION", JUNE_3))
                    .when(new RemoveMemberCommand(HOUSEHOLD, "m-spouse", MemberChange.BIRTH, JUNE_3))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_MEMBER_CHANGE_INVALID"))
                    .expectNoEvents();
        }

        @Test
        void theHeadOfHouseholdCannotLeave() {
            fixture.given(registered(), memberAdded(HEAD, "REGISTRATION", JUNE_3))
                    .when(new RemoveMemberCommand(HOUSEHOLD, "m-head", MemberChange.MOVED_OUT, JUNE_3))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_HEAD_CANNOT_LEAVE"))
                    .expectNoEvents();
        }

        @Test
        void someoneWhoIsNotAMemberCannotLeave() {
            fixture.given(registered(), memberAdded(HEAD, "REGISTRATION", JUNE_3),
                            memberAdded(SPOUSE, "REGISTRATION", JUNE_3),
                            new MemberRemoved(HOUSEHOLD, VILLAGE, "m-spouse", "DEATH", JUNE_3))
                    .when(new RemoveMemberCommand(HOUSEHOLD, "m-spouse", MemberChange.DEATH, JUNE_3))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_MEMBER_NOT_FOUND"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Leads {

        @Test
        void aLeadOpensAnIdentificationCaseWithItsDueDates() {
            fixture.given(registered())
                    .when(reportLead(LEAD, LeadChannel.CADRE_VISIT))
                    .expectEvents(leadReported());
        }

        @Test
        void aSecondLeadJoinsTheOpenCaseInsteadOfOpeningAnother() {
            fixture.given(registered(), leadReported())
                    .when(reportLead("lead-2", LeadChannel.DEPARTMENT_SCREENING))
                    .expectEvents(new LeadMerged(HOUSEHOLD, VILLAGE, LEAD, LeadChannel.DEPARTMENT_SCREENING, "户主患大病",
                            JUNE_3));
        }

        @Test
        void aMonitoringObjectWhoseRiskIsNotEliminatedGetsNoNewCase() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved(), identified())
                    .when(reportLead("lead-2", LeadChannel.SELF_REPORT))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_ALREADY_MONITORED"))
                    .expectNoEvents();
        }

        @Test
        void theEliminationOfTheRiskIsNotedForLaterDecisions() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved(), identified())
                    .when(new NoteRiskEliminatedCommand(HOUSEHOLD, JUNE_3.plusMonths(8)))
                    .expectEvents(new RiskEliminationNoted(HOUSEHOLD, JUNE_3.plusMonths(8)));
        }

        @Test
        void aRollbackIsNotedToo() {
            fixture.given(eliminated())
                    .when(new NoteRiskRolledBackCommand(HOUSEHOLD, JUNE_3.plusMonths(9)))
                    .expectEvents(new RiskRollbackNoted(HOUSEHOLD, JUNE_3.plusMonths(9)));
        }

        @Test
        void aLeadOnAHouseholdWhoseRiskWasEliminatedOpensAReidentification() {
            fixture.given(eliminated())
                    .when(reportLead("lead-2", LeadChannel.SELF_REPORT))
                    .expectEvents(new ReidentificationOpened(HOUSEHOLD, VILLAGE, "lead-2", LeadChannel.SELF_REPORT,
                            List.of(), "户主患大病", JUNE_3, DUE.verificationDueOn(), DUE.decisionDueOn()));
        }

        @Test
        void aNewRiskAfterEliminationOpensAReidentificationCase() {
            fixture.given(eliminated())
                    .when(reidentification("lead-2"))
                    .expectEvents(reidentificationOpened("lead-2"));
        }

        @Test
        void aReidentificationNeedsAnEliminatedRisk() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved(), identified())
                    .when(reidentification("lead-2"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_RISK_NOT_ELIMINATED"))
                    .expectNoEvents();
        }

        @Test
        void afterARollbackANewRiskIsNoReidentification() {
            fixture.given(eliminated(new RiskRollbackNoted(HOUSEHOLD, JUNE_3)))
                    .when(reidentification("lead-2"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_RISK_NOT_ELIMINATED"))
                    .expectNoEvents();
        }

        @Test
        void aNewRiskWhileACaseIsOpenJoinsThatCase() {
            fixture.given(eliminated(reidentificationOpened("lead-2")))
                    .when(reidentification("lead-3"))
                    .expectEvents(new LeadMerged(HOUSEHOLD, VILLAGE, "lead-2", LeadChannel.CADRE_VISIT, "回头看发现新增因学风险",
                            JUNE_3));
        }
    }

    @Nested
    class Verification {

        @Test
        void theHomeVerificationIsRecordedWithBothSignaturesExpendituresAndGaps() {
            fixture.given(registered(), leadReported())
                    .when(verification(LEAD, true))
                    .expectEvents(verified());
        }

        @Test
        void aVerificationTheHouseholdDidNotConfirmIsRefused() {
            fixture.given(registered(), leadReported())
                    .when(verification(LEAD, false))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_VERIFICATION_UNCONFIRMED"))
                    .expectNoEvents();
        }

        @Test
        void aVerificationCannotBeDatedBeforeTheLead() {
            fixture.given(registered(), leadReported())
                    .when(new RecordVerificationCommand(HOUSEHOLD, LEAD, INCOME, LabourCapacity.PARTIAL, "包银花", true,
                            JUNE_3.minusDays(1), Map.of(), List.of()))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_VERIFICATION_BEFORE_LEAD"))
                    .expectNoEvents();
        }

        @Test
        void aVerificationOfAnotherLeadIsRefused() {
            fixture.given(registered(), leadReported())
                    .when(verification("lead-9", true))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_LEAD_NOT_OPEN"))
                    .expectNoEvents();
        }

        @Test
        void aCaseIsVerifiedOnceUntilItIsReturned() {
            fixture.given(registered(), leadReported(), verified())
                    .when(verification(LEAD, true))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_STEP_ORDER"))
                    .expectNoEvents();
        }

        @Test
        void aCaseReturnedByTheTownshipIsVerifiedAgain() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipReturned())
                    .when(verification(LEAD, true))
                    .expectEvents(verified());
        }
    }

    @Nested
    class VillageEvaluation {

        @Test
        void theEvaluationPutsTheCaseOnNoticeForThePolicyDays() {
            fixture.given(registered(), leadReported(), verified())
                    .when(evaluation(JUNE_3.plusDays(3), JUNE_3.plusDays(3)))
                    .expectEvents(onNotice());
        }

        @Test
        void whereTheModelOffersLowIncomeTypesTheNoticeRunsTheirSevenDays() {
            fixture.given(registered(), leadReported(), verified())
                    .when(new RecordVillageEvaluationCommand(HOUSEHOLD, LEAD, "评议同意纳入", JUNE_3.plusDays(3),
                            JUNE_3.plusDays(3), POLICY, List.of(ObjectType.MINIMUM_LIVING_ALLOWANCE,
                            ObjectType.MARGINAL_LOW_INCOME, ObjectType.SUDDEN_HARDSHIP)))
                    .expectEvents(new VillageEvaluationRecorded(HOUSEHOLD, VILLAGE, LEAD, "评议同意纳入",
                            JUNE_3.plusDays(3), JUNE_3.plusDays(3), JUNE_3.plusDays(9), false));
        }

        @Test
        void aNoticeWhoseWholePeriodPassedBeforeItWasRecordedIsMarkedAsRecordedAfterTheFact() {
            fixture.given(registered(), leadReported(), verified())
                    .when(evaluation(JUNE_3.plusDays(3), JUNE_3.plusDays(8)))
                    .expectEvents(new VillageEvaluationRecorded(HOUSEHOLD, VILLAGE, LEAD, "评议同意纳入",
                            JUNE_3.plusDays(8), JUNE_3.plusDays(3), JUNE_3.plusDays(7), true));
        }

        @Test
        void aNoticeStillRunningOnItsLastDayIsNotRecordedAfterTheFact() {
            fixture.given(registered(), leadReported(), verified())
                    .when(evaluation(JUNE_3.plusDays(3), JUNE_3.plusDays(7)))
                    .expectEvents(new VillageEvaluationRecorded(HOUSEHOLD, VILLAGE, LEAD, "评议同意纳入",
                            JUNE_3.plusDays(7), JUNE_3.plusDays(3), JUNE_3.plusDays(7), false));
        }

        @Test
        void theVillageCannotEvaluateBeforeTheHomeVerification() {
            fixture.given(registered(), leadReported())
                    .when(evaluation(JUNE_3.plusDays(3), JUNE_3.plusDays(3)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_STEP_ORDER"))
                    .expectNoEvents();
        }

        @Test
        void aNoticeCannotStartBeforeTheVerification() {
            fixture.given(registered(), leadReported(), verified())
                    .when(evaluation(JUNE_3.plusDays(1), JUNE_3.plusDays(3)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_NOTICE_START_INVALID"))
                    .expectNoEvents();
        }

        @Test
        void aNoticeCannotStartInTheFuture() {
            fixture.given(registered(), leadReported(), verified())
                    .when(evaluation(JUNE_3.plusDays(4), JUNE_3.plusDays(3)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_NOTICE_START_INVALID"))
                    .expectNoEvents();
        }

        @Test
        void anObjectionDuringTheNoticeIsRecorded() {
            fixture.given(registered(), leadReported(), verified(), onNotice())
                    .when(new RecordObjectionCommand(HOUSEHOLD, LEAD, "邻居反映该户有车辆", "经核实车辆为他人所有", JUNE_3.plusDays(5)))
                    .expectEvents(new PublicNoticeObjectionRecorded(HOUSEHOLD, VILLAGE, LEAD, "邻居反映该户有车辆",
                            "经核实车辆为他人所有", JUNE_3.plusDays(5)));
        }

        @Test
        void anObjectionNeedsANotice() {
            fixture.given(registered(), leadReported(), verified())
                    .when(new RecordObjectionCommand(HOUSEHOLD, LEAD, "邻居反映该户有车辆", "经核实车辆为他人所有", JUNE_3.plusDays(5)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_STEP_ORDER"))
                    .expectNoEvents();
        }
    }

    @Nested
    class TownshipReview {

        @Test
        void theTownshipApprovesAfterTheNoticeHasEnded() {
            fixture.given(registered(), leadReported(), verified(), onNotice())
                    .when(new ApproveAtTownshipCommand(HOUSEHOLD, LEAD, "情况属实", JUNE_3.plusDays(8)))
                    .expectEvents(townshipApproved());
        }

        @Test
        void theTownshipCannotReviewWhileTheNoticeRuns() {
            fixture.given(registered(), leadReported(), verified(), onNotice())
                    .when(new ApproveAtTownshipCommand(HOUSEHOLD, LEAD, "情况属实", JUNE_3.plusDays(7)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_PUBLIC_NOTICE_RUNNING"))
                    .expectNoEvents();
        }

        @Test
        void theTownshipCannotReviewBeforeTheVillageEvaluation() {
            fixture.given(registered(), leadReported(), verified())
                    .when(new ApproveAtTownshipCommand(HOUSEHOLD, LEAD, "情况属实", JUNE_3.plusDays(8)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_STEP_ORDER"))
                    .expectNoEvents();
        }

        @Test
        void theTownshipReturnsTheCaseToTheVillageWithItsReason() {
            fixture.given(registered(), leadReported(), verified(), onNotice())
                    .when(new ReturnFromTownshipCommand(HOUSEHOLD, LEAD, "漏计转移性收入", JUNE_3.plusDays(8)))
                    .expectEvents(townshipReturned());
        }

        @Test
        void aReturnWithoutAReasonIsRefused() {
            fixture.given(registered(), leadReported(), verified(), onNotice())
                    .when(new ReturnFromTownshipCommand(HOUSEHOLD, LEAD, " ", JUNE_3.plusDays(8)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_REASON_REQUIRED"))
                    .expectNoEvents();
        }
    }

    @Nested
    class CountyDecision {

        @Test
        void theCountyCannotDecideBeforeTheTownshipReview() {
            fixture.given(registered(), leadReported(), verified())
                    .when(identify(List.of(RiskType.ILLNESS)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_STEP_ORDER"))
                    .expectNoEvents();
        }

        @Test
        void theCountyIdentifiesWithTheVerifiedFactsAndThePolicyLineAndRecordsThePolicyItJudgedBy() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved())
                    .when(identify(List.of(RiskType.ILLNESS)))
                    .expectEvents(identified(), thresholdsRecorded(LEAD));
        }

        @Test
        void aLowIncomeObjectNeedsTheLongerNoticeThePolicyGivesItsType() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved())
                    .when(new IdentifyAtCountyCommand(HOUSEHOLD, LEAD, ObjectType.MINIMUM_LIVING_ALLOWANCE,
                            List.of(RiskType.ILLNESS), DECISION_POLICY, onTheDay(JUNE_3.plusDays(9))))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_NOTICE_TOO_SHORT"))
                    .expectNoEvents();
        }

        @Test
        void aNoticeOfSevenDaysLetsTheCountyIdentifyALowIncomeObject() {
            fixture.given(registered(), leadReported(), verified(),
                            new VillageEvaluationRecorded(HOUSEHOLD, VILLAGE, LEAD, "评议同意纳入", JUNE_3.plusDays(3),
                                    JUNE_3.plusDays(3), JUNE_3.plusDays(9), false),
                            new TownshipApproved(HOUSEHOLD, VILLAGE, LEAD, "情况属实", JUNE_3.plusDays(10)))
                    .when(new IdentifyAtCountyCommand(HOUSEHOLD, LEAD, ObjectType.MINIMUM_LIVING_ALLOWANCE,
                            List.of(RiskType.ILLNESS), DECISION_POLICY, onTheDay(JUNE_3.plusDays(11))))
                    .expectEvents(new HouseholdIdentified(HOUSEHOLD, VILLAGE, LEAD, ObjectType.MINIMUM_LIVING_ALLOWANCE,
                                    List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, INCOME, LINE, JUNE_3.plusDays(11)),
                            thresholdsRecorded(LEAD));
        }

        @Test
        void anIdentificationNamesAtLeastOneRiskType() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved())
                    .when(identify(List.of()))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_DECISION_INCOMPLETE"))
                    .expectNoEvents();
        }

        @Test
        void aReidentificationCaseEndsInAReidentificationNotASecondIdentification() {
            fixture.given(eliminated(reidentificationOpened("lead-2"),
                            new HouseholdVerified(HOUSEHOLD, VILLAGE, "lead-2", INCOME, LabourCapacity.PARTIAL, "包银花",
                                    true, JUNE_3.plusDays(2)),
                            new VillageEvaluationRecorded(HOUSEHOLD, VILLAGE, "lead-2", "同意", JUNE_3.plusDays(3),
                                    JUNE_3.plusDays(3), JUNE_3.plusDays(7)),
                            new TownshipApproved(HOUSEHOLD, VILLAGE, "lead-2", "属实", JUNE_3.plusDays(8))))
                    .when(new IdentifyAtCountyCommand(HOUSEHOLD, "lead-2", ObjectType.UNSTABLE_ALLEVIATED,
                            List.of(RiskType.EDUCATION), DECISION_POLICY, onTheDay(JUNE_3.plusDays(9))))
                    .expectEvents(new HouseholdReidentified(HOUSEHOLD, VILLAGE, "lead-2", ObjectType.UNSTABLE_ALLEVIATED,
                            List.of(RiskType.EDUCATION), LabourCapacity.PARTIAL, INCOME, LINE, JUNE_3.plusDays(9)),
                            thresholdsRecorded("lead-2"));
        }

        @Test
        void theCountyDecisionIsNotDatedBeforeTheTownshipApproval() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved())
                    .when(new IdentifyAtCountyCommand(HOUSEHOLD, LEAD, ObjectType.SUDDEN_HARDSHIP,
                            List.of(RiskType.ILLNESS), DECISION_POLICY, onTheDay(JUNE_3.plusDays(7))))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_DECISION_BEFORE_TOWNSHIP_REVIEW"))
                    .expectNoEvents();
        }

        @Test
        void aDecisionDatedFurtherBackThanThePolicyAllowsNeedsTheApproversNote() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved())
                    .when(new IdentifyAtCountyCommand(HOUSEHOLD, LEAD, ObjectType.SUDDEN_HARDSHIP,
                            List.of(RiskType.ILLNESS), DECISION_POLICY,
                            new CountyDating(JUNE_3.plusDays(9), JUNE_3.plusDays(50), 40, " ")))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_BACKDATING_NOTE_REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void aBackdatedDecisionWithItsNoteKeepsItsDayAndTheNote() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved())
                    .when(new IdentifyAtCountyCommand(HOUSEHOLD, LEAD, ObjectType.SUDDEN_HARDSHIP,
                            List.of(RiskType.ILLNESS), DECISION_POLICY,
                            new CountyDating(JUNE_3.plusDays(9), JUNE_3.plusDays(50), 40, "纸质审定会议记录补录")))
                    .expectEvents(identified(), thresholdsRecorded(LEAD), new BackdatingNoted(HOUSEHOLD, LEAD,
                            JUNE_3.plusDays(9), JUNE_3.plusDays(50), "纸质审定会议记录补录"));
        }

        @Test
        void aDecisionWithinTheAllowanceNeedsNoNote() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved())
                    .when(new IdentifyAtCountyCommand(HOUSEHOLD, LEAD, ObjectType.SUDDEN_HARDSHIP,
                            List.of(RiskType.ILLNESS), DECISION_POLICY,
                            new CountyDating(JUNE_3.plusDays(9), JUNE_3.plusDays(49), 40, null)))
                    .expectEvents(identified(), thresholdsRecorded(LEAD));
        }

        @Test
        void theCountyRejectsWithItsJudgement() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved())
                    .when(new RejectAtCountyCommand(HOUSEHOLD, LEAD, "收入高于监测范围，支出未超预警线", DECISION_POLICY,
                            onTheDay(JUNE_3.plusDays(9))))
                    .expectEvents(new IdentificationRejected(HOUSEHOLD, VILLAGE, LEAD, "收入高于监测范围，支出未超预警线",
                            JUNE_3.plusDays(9)), thresholdsRecorded(LEAD));
        }

        @Test
        void aRejectionWithoutJudgementIsRefused() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved())
                    .when(new RejectAtCountyCommand(HOUSEHOLD, LEAD, null, DECISION_POLICY, onTheDay(JUNE_3.plusDays(9))))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_REASON_REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void theCountyReturnsTheCaseToTheTownship() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved())
                    .when(new ReturnFromCountyCommand(HOUSEHOLD, LEAD, "请补充医疗费用票据", onTheDay(JUNE_3.plusDays(9))))
                    .expectEvents(new CountyReturned(HOUSEHOLD, VILLAGE, LEAD, "请补充医疗费用票据", JUNE_3.plusDays(9)));
        }

        @Test
        void aCaseReturnedByTheCountyIsReviewedByTheTownshipAgain() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved(),
                            new CountyReturned(HOUSEHOLD, VILLAGE, LEAD, "请补充医疗费用票据", JUNE_3.plusDays(9)))
                    .when(new ApproveAtTownshipCommand(HOUSEHOLD, LEAD, "已补充票据", JUNE_3.plusDays(10)))
                    .expectEvents(new TownshipApproved(HOUSEHOLD, VILLAGE, LEAD, "已补充票据", JUNE_3.plusDays(10)));
        }

        @Test
        void aDecidedCaseCannotBeDecidedAgain() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved(), identified())
                    .when(new RejectAtCountyCommand(HOUSEHOLD, LEAD, "改判", DECISION_POLICY, onTheDay(JUNE_3.plusDays(10))))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IDENT_LEAD_NOT_OPEN"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Deadlines {

        @Test
        void aPassedVerificationDeadlineIsRaisedOnce() {
            fixture.given(registered(), leadReported())
                    .when(new RaiseOverdueCommand(HOUSEHOLD, LEAD, Deadline.VERIFICATION, DUE.verificationDueOn().plusDays(1)))
                    .expectEvents(new IdentificationOverdue(HOUSEHOLD, VILLAGE, LEAD, "VERIFICATION",
                            DUE.verificationDueOn(), DUE.verificationDueOn().plusDays(1)));
        }

        @Test
        void aDeadlineRaisedBeforeIsNotRaisedAgain() {
            fixture.given(registered(), leadReported(), new IdentificationOverdue(HOUSEHOLD, VILLAGE, LEAD,
                            "VERIFICATION", DUE.verificationDueOn(), DUE.verificationDueOn().plusDays(1)))
                    .when(new RaiseOverdueCommand(HOUSEHOLD, LEAD, Deadline.VERIFICATION, DUE.verificationDueOn().plusDays(2)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theDueDayItselfIsNotOverdue() {
            fixture.given(registered(), leadReported())
                    .when(new RaiseOverdueCommand(HOUSEHOLD, LEAD, Deadline.DECISION, DUE.decisionDueOn()))
                    .expectNoEvents();
        }

        @Test
        void aVerificationDoneInTimeIsNeverOverdue() {
            fixture.given(registered(), leadReported(), verified())
                    .when(new RaiseOverdueCommand(HOUSEHOLD, LEAD, Deadline.VERIFICATION, DUE.decisionDueOn()))
                    .expectNoEvents();
        }

        @Test
        void aDecidedCaseIsNeverOverdue() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved(), identified())
                    .when(new RaiseOverdueCommand(HOUSEHOLD, LEAD, Deadline.DECISION, DUE.decisionDueOn().plusDays(1)))
                    .expectNoEvents();
        }
    }

    /** 存量导入: the existing register's households, identified before the county went live. */
    @Nested
    class Import {

        private final LocalDate identifiedOn = LocalDate.of(2024, 3, 18);
        private final ImportedIdentification identification = new ImportedIdentification("lead-import",
                ObjectType.SUDDEN_HARDSHIP, List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, INCOME, identifiedOn,
                DECISION_POLICY);

        @Test
        void anImportedHouseholdIsRegisteredAndIdentifiedOnItsOriginalDayAsTheLiveProcedureRecordsIt() {
            fixture.givenNoPriorActivity()
                    .when(new ImportHouseholdCommand(HOUSEHOLD, VILLAGE, 3, HouseholdCategory.POVERTY_ALLEVIATED, 4,
                            HEAD, JUNE_3, identification))
                    .expectEvents(registered(), memberAdded(HEAD, "REGISTRATION", JUNE_3),
                            new IdentificationImported(HOUSEHOLD, VILLAGE, "lead-import", ObjectType.SUDDEN_HARDSHIP,
                                    List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, INCOME, identifiedOn),
                            new HouseholdIdentified(HOUSEHOLD, VILLAGE, "lead-import", ObjectType.SUDDEN_HARDSHIP,
                                    List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, INCOME, LINE, identifiedOn),
                            thresholdsRecorded("lead-import"));
        }

        @Test
        void aHouseholdIdentifiedAlreadyIsNotIdentifiedAgain() {
            fixture.given(registered(), leadReported(), verified(), onNotice(), townshipApproved(), identified())
                    .when(new ImportIdentificationCommand(HOUSEHOLD, identification))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anImportedMemberIsRegisteredAsTheLiveRegistrationRecordsIt() {
            fixture.given(registered(), memberAdded(HEAD, "REGISTRATION", JUNE_3))
                    .when(new ImportMemberCommand(HOUSEHOLD, SPOUSE, JUNE_3))
                    .expectEvents(memberAdded(SPOUSE, "REGISTRATION", JUNE_3));
        }

        @Test
        void aMemberImportedAlreadyIsNotAddedAgain() {
            fixture.given(registered(), memberAdded(HEAD, "REGISTRATION", JUNE_3),
                            memberAdded(SPOUSE, "REGISTRATION", JUNE_3))
                    .when(new ImportMemberCommand(HOUSEHOLD, SPOUSE, JUNE_3))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anImportedMemberIsNotASecondHead() {
            MemberDetails secondHead = new MemberDetails("m-2", "巴图", "150724197005120022", Relation.HEAD, null,
                    null, null, null, null);
            fixture.given(registered(), memberAdded(HEAD, "REGISTRATION", JUNE_3))
                    .when(new ImportMemberCommand(HOUSEHOLD, secondHead, JUNE_3))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void aCaseUnderWayHereIsNotOverruledByTheImport() {
            fixture.given(registered(), leadReported())
                    .when(new ImportIdentificationCommand(HOUSEHOLD, identification))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("IMPORT_CASE_OPEN"))
                    .expectNoEvents();
        }
    }

    private static HouseholdRegistered registered() {
        return new HouseholdRegistered(HOUSEHOLD, VILLAGE, 3, "敖日格乐", "150724197803120210",
                HouseholdCategory.POVERTY_ALLEVIATED, 4, List.of());
    }

    private static MemberAdded memberAdded(MemberDetails member, String change, LocalDate on) {
        return new MemberAdded(HOUSEHOLD, VILLAGE, member.memberId(), member.name(), member.idNumber(),
                member.relation(), member.birthDate(), member.labourCapacity(), member.health(), change, on,
                member.schooling(), member.employment());
    }

    private static ReportLeadCommand reportLead(String leadId, LeadChannel channel) {
        return new ReportLeadCommand(HOUSEHOLD, leadId, channel, "户主患大病", JUNE_3, DUE);
    }

    private static LeadReported leadReported() {
        return new LeadReported(HOUSEHOLD, VILLAGE, LEAD, LeadChannel.CADRE_VISIT, "户主患大病", JUNE_3,
                DUE.verificationDueOn(), DUE.decisionDueOn());
    }

    private static OpenReidentificationCommand reidentification(String leadId) {
        return new OpenReidentificationCommand(HOUSEHOLD, leadId, LeadChannel.CADRE_VISIT, List.of(RiskType.EDUCATION),
                "回头看发现新增因学风险", JUNE_3, DUE);
    }

    private static ReidentificationOpened reidentificationOpened(String leadId) {
        return new ReidentificationOpened(HOUSEHOLD, VILLAGE, leadId, LeadChannel.CADRE_VISIT,
                List.of(RiskType.EDUCATION), "回头看发现新增因学风险", JUNE_3, DUE.verificationDueOn(), DUE.decisionDueOn());
    }

    private static RecordVerificationCommand verification(String leadId, boolean confirmed) {
        return new RecordVerificationCommand(HOUSEHOLD, leadId, INCOME, LabourCapacity.PARTIAL, "包银花", confirmed,
                JUNE_3.plusDays(2), Map.of(RigidExpenditure.MEDICAL, new BigDecimal("12500.00")),
                List.of(Guarantee.BASIC_MEDICAL));
    }

    private static HouseholdVerified verified() {
        return new HouseholdVerified(HOUSEHOLD, VILLAGE, LEAD, INCOME, LabourCapacity.PARTIAL, "包银花", true,
                JUNE_3.plusDays(2), Map.of(RigidExpenditure.MEDICAL, new BigDecimal("12500.00")),
                List.of(Guarantee.BASIC_MEDICAL));
    }

    private static RecordVillageEvaluationCommand evaluation(LocalDate noticeFrom, LocalDate today) {
        return new RecordVillageEvaluationCommand(HOUSEHOLD, LEAD, "评议同意纳入", today, noticeFrom, POLICY,
                PREVENTION_TYPES);
    }

    /** Five days of notice: the 6th to the 10th of June, both included. */
    private static VillageEvaluationRecorded onNotice() {
        return new VillageEvaluationRecorded(HOUSEHOLD, VILLAGE, LEAD, "评议同意纳入", JUNE_3.plusDays(3),
                JUNE_3.plusDays(3), JUNE_3.plusDays(7), false);
    }

    private static TownshipApproved townshipApproved() {
        return new TownshipApproved(HOUSEHOLD, VILLAGE, LEAD, "情况属实", JUNE_3.plusDays(8));
    }

    private static TownshipReturned townshipReturned() {
        return new TownshipReturned(HOUSEHOLD, VILLAGE, LEAD, "漏计转移性收入", JUNE_3.plusDays(8));
    }

    private static IdentifyAtCountyCommand identify(List<RiskType> risks) {
        return new IdentifyAtCountyCommand(HOUSEHOLD, LEAD, ObjectType.SUDDEN_HARDSHIP, risks, DECISION_POLICY,
                onTheDay(JUNE_3.plusDays(9)));
    }

    /** A county step recorded the day it happened, under the policy's allowance of 40 days. */
    private static CountyDating onTheDay(LocalDate day) {
        return new CountyDating(day, day, 40, null);
    }

    private static DecisionThresholdsRecorded thresholdsRecorded(String leadId) {
        return new DecisionThresholdsRecorded(HOUSEHOLD, leadId, "15", 2024, POLICY);
    }

    private static HouseholdIdentified identified() {
        return new HouseholdIdentified(HOUSEHOLD, VILLAGE, LEAD, ObjectType.SUDDEN_HARDSHIP, List.of(RiskType.ILLNESS),
                LabourCapacity.PARTIAL, INCOME, LINE, JUNE_3.plusDays(9));
    }

    /** An identified household whose risk assistance-service eliminated, and what happened then. */
    private static List<Object> eliminated(Object... then) {
        List<Object> events = new ArrayList<>(List.of(registered(), leadReported(), verified(), onNotice(),
                townshipApproved(), identified(), new RiskEliminationNoted(HOUSEHOLD, JUNE_3.plusMonths(8))));
        events.addAll(List.of(then));
        return events;
    }
}
