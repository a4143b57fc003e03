package org.fangpin.identification.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.fangpin.contracts.identification.PolicyThresholds;
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
import org.fangpin.platform.web.BusinessDay;

/** The commands of the registry and the identification procedure, one per step of the work plans. */
public final class Commands {

    private Commands() {
    }

    /** A member as the collector recorded them; the birth date is the one in the ID number. */
    public record MemberDetails(String memberId, String name, String idNumber, Relation relation, LocalDate birthDate,
                                LabourCapacity labourCapacity, Health health, String schooling, String employment) {
    }

    /** 户登记, with the head of household first among the members. */
    public record RegisterHouseholdCommand(@TargetAggregateIdentifier String householdId, String regionCode,
                                           Integer villageGroup, HouseholdCategory category,
                                           List<CategoryFlag> categoryFlags, int memberCount,
                                           List<MemberDetails> members, LocalDate registeredOn) {
    }

    /**
     * 存量导入: a household of the county's existing register, with its head, entered as the live registration enters
     * one; identified as a monitoring object on its original day when {@code identification} is given.
     */
    public record ImportHouseholdCommand(@TargetAggregateIdentifier String householdId, String regionCode,
                                         Integer villageGroup, HouseholdCategory category, int memberCount,
                                         MemberDetails head, LocalDate registeredOn,
                                         ImportedIdentification identification) {
    }

    /** 存量导入: a member of a household imported or registered before, registered as the live registration does. */
    public record ImportMemberCommand(@TargetAggregateIdentifier String householdId, MemberDetails member,
                                      LocalDate registeredOn) {
    }

    /** 存量导入: the identification of a household already registered, on its original day. */
    public record ImportIdentificationCommand(@TargetAggregateIdentifier String householdId,
                                              ImportedIdentification identification) {
    }

    /**
     * An identification as the existing register holds it (识别监测时间, 监测对象类别, 风险类型): the county decided it
     * before the county went live, so it has no case steps here; it is judged by the policy of its year.
     *
     * @param leadId the id its case gets, so that the case screen and the lead listing show it
     */
    public record ImportedIdentification(String leadId, ObjectType objectType, List<RiskType> riskTypes,
                                         LabourCapacity labourCapacity, BigDecimal perCapitaNetIncome,
                                         LocalDate identifiedOn, DecisionPolicy policy) {
    }

    /** 家庭成员增加 (birth, marriage, moving in). */
    public record AddMemberCommand(@TargetAggregateIdentifier String householdId, MemberDetails member,
                                   MemberChange change, LocalDate changedOn) {
    }

    /** 家庭成员减少 (death, marriage, moving out). */
    public record RemoveMemberCommand(@TargetAggregateIdentifier String householdId, String memberId,
                                      MemberChange change, LocalDate changedOn) {
    }

    /** 线索上报: opens a case, or joins the open one. */
    public record ReportLeadCommand(@TargetAggregateIdentifier String householdId, String leadId,
                                    LeadChannel channel, String description, LocalDate reportedOn,
                                    DueDates dueDates) {
    }

    /** 风险再标注: a new risk on a household whose risk was eliminated. */
    public record OpenReidentificationCommand(@TargetAggregateIdentifier String householdId, String leadId,
                                              LeadChannel channel, List<RiskType> riskTypes, String reason,
                                              LocalDate reportedOn, DueDates dueDates) {
    }

    /** assistance-service eliminated the household's risk (风险消除). */
    public record NoteRiskEliminatedCommand(@TargetAggregateIdentifier String householdId, LocalDate eliminatedOn) {
    }

    /** assistance-service rolled the elimination back (风险消除回退). */
    public record NoteRiskRolledBackCommand(@TargetAggregateIdentifier String householdId, LocalDate rolledBackOn) {
    }

    /** 入户核实 */
    public record RecordVerificationCommand(@TargetAggregateIdentifier String householdId, String leadId,
                                            BigDecimal perCapitaNetIncome, LabourCapacity labourCapacity,
                                            String collector, boolean householdConfirmed, LocalDate verifiedOn,
                                            Map<RigidExpenditure, BigDecimal> rigidExpenditures,
                                            List<Guarantee> guaranteeGaps) {
    }

    /**
     * 村级评议公示
     *
     * @param evaluatedOn the day the evaluation is recorded
     * @param noticeFrom  the day the notice went up in the village (may be before the day it is entered)
     * @param policy      the thresholds of the household's region and year: the notice lasts their public-notice
     *                    days for the object types in question
     * @param objectTypes the types the county may identify the household as (those of the region's model): the
     *                    notice runs as long as the longest of them asks
     */
    public record RecordVillageEvaluationCommand(@TargetAggregateIdentifier String householdId, String leadId,
                                                 String opinion, LocalDate evaluatedOn, LocalDate noticeFrom,
                                                 PolicyThresholds policy, List<ObjectType> objectTypes) {

        int noticeDays() {
            return objectTypes.stream().mapToInt(policy::publicNoticeDays).max().orElse(policy.publicNoticeDays());
        }
    }

    /** 公示异议 */
    public record RecordObjectionCommand(@TargetAggregateIdentifier String householdId, String leadId,
                                         String objection, String handling, LocalDate recordedOn) {
    }

    /** 乡镇审核通过 */
    public record ApproveAtTownshipCommand(@TargetAggregateIdentifier String householdId, String leadId,
                                           String opinion, LocalDate approvedOn) {
    }

    /** 乡镇审核退回 */
    public record ReturnFromTownshipCommand(@TargetAggregateIdentifier String householdId, String leadId,
                                            String reason, LocalDate returnedOn) {
    }

    /**
     * The policy a county decision is made under, and where it comes from: that of the household's region in the
     * year of the home verification, the year whose income the evidence shows.
     *
     * @param regionPrefix the prefix that set it ({@code ""} for the national baseline)
     */
    public record DecisionPolicy(String regionPrefix, int year, PolicyThresholds thresholds) {
    }

    /**
     * The day a county step happened and the day it is recorded: a step dated more than the policy's
     * {@code backdatingDaysWithoutNote} days back (补录) needs the county approver's note.
     *
     * @param daysWithoutNote the policy's allowance; null in policies set before it existed (no limit)
     * @param note            why the step is recorded late; null when none is given
     */
    public record CountyDating(LocalDate decidedOn, LocalDate recordedOn, Integer daysWithoutNote, String note) {

        /** The decision's day as every dated step of the procedure is judged (the shared date rule). */
        BusinessDay day() {
            return new BusinessDay(decidedOn, recordedOn, daysWithoutNote, note);
        }

        /** Whether a step dated in the past comes with its note, which the case history then keeps. */
        boolean explained() {
            return day().keptNote() != null;
        }
    }

    /**
     * 县级审定: identify the household as a monitoring object.
     *
     * @param policy the policy of the decision: its monitoring line is recorded with it, and the public notice must
     *               have run its days for the object type
     */
    public record IdentifyAtCountyCommand(@TargetAggregateIdentifier String householdId, String leadId,
                                          ObjectType objectType, List<RiskType> riskTypes,
                                          DecisionPolicy policy, CountyDating dating) {
    }

    /** 县级审定: not a monitoring object, with the judgement (研判结果) and the policy it was judged by. */
    public record RejectAtCountyCommand(@TargetAggregateIdentifier String householdId, String leadId,
                                        String judgement, DecisionPolicy policy, CountyDating dating) {
    }

    /** 县级退回 to the township. */
    public record ReturnFromCountyCommand(@TargetAggregateIdentifier String householdId, String leadId,
                                          String reason, CountyDating dating) {
    }

    /** A due date of the case passed (识别逾期); raised once per case and deadline. */
    public record RaiseOverdueCommand(@TargetAggregateIdentifier String householdId, String leadId,
                                      Deadline deadline, LocalDate detectedOn) {
    }
}
