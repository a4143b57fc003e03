package org.fangpin.identification.command;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.Relation;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.identification.command.Commands.MemberDetails;
import org.fangpin.platform.web.Rule;
import org.fangpin.platform.web.RuleViolation;

/** The rules of the registry and the identification procedure, each a named record so a refusal says which spoke. */
final class Rules {

    private Rules() {
    }

    /** A registration names exactly one head of household, listed first. */
    record RegistrationNamesOneHead(List<MemberDetails> members) implements Rule {
        public void verify() {
            long heads = members.stream().filter(member -> member.relation() == Relation.HEAD).count();
            if (members.isEmpty() || members.get(0).relation() != Relation.HEAD || heads != 1) {
                throw RuleViolation.of("IDENT_REGISTRATION_NEEDS_ONE_HEAD");
            }
        }
    }

    /** A member change says a reason that fits its direction: a death never adds a member. */
    record MemberChangeFitsItsDirection(MemberChange change, boolean joining) implements Rule {
        public void verify() {
            if (joining ? !change.joins() || change == MemberChange.REGISTRATION : !change.leaves()) {
                throw RuleViolation.of("IDENT_MEMBER_CHANGE_INVALID", change);
            }
        }
    }

    /** A member who joins later is not the head: the head came with the registration. */
    record OnlyOneHead(Relation relation) implements Rule {
        public void verify() {
            if (relation == Relation.HEAD) {
                throw RuleViolation.of("IDENT_REGISTRATION_NEEDS_ONE_HEAD");
            }
        }
    }

    /** Only a member of this household can leave it. */
    record MemberBelongsToTheHousehold(Set<String> members, String memberId) implements Rule {
        public void verify() {
            if (!members.contains(memberId)) {
                throw RuleViolation.notFound("IDENT_MEMBER_NOT_FOUND", memberId);
            }
        }
    }

    /** The head of household stays: the household is registered under them. */
    record HeadStaysInTheHousehold(String headMemberId, String memberId) implements Rule {
        public void verify() {
            if (headMemberId.equals(memberId)) {
                throw RuleViolation.of("IDENT_HEAD_CANNOT_LEAVE");
            }
        }
    }

    /** A household that is a monitoring object with its risk not eliminated is followed by monitoring, not a lead. */
    record NotAlreadyAMonitoringObject(boolean monitoringObject, boolean riskEliminated) implements Rule {
        public void verify() {
            if (monitoringObject && !riskEliminated) {
                throw RuleViolation.conflict("IDENT_ALREADY_MONITORED");
            }
        }
    }

    /** 风险再标注 applies to a household whose risk was eliminated; otherwise the risk is still being followed. */
    record ReidentificationNeedsAnEliminatedRisk(boolean riskEliminated) implements Rule {
        public void verify() {
            if (!riskEliminated) {
                throw RuleViolation.conflict("IDENT_RISK_NOT_ELIMINATED");
            }
        }
    }

    /** A step names the household's open case. */
    record StepConcernsTheOpenCase(IdentificationCase openCase, String leadId) implements Rule {
        public void verify() {
            if (openCase == null || !openCase.leadId().equals(leadId)) {
                throw RuleViolation.conflict("IDENT_LEAD_NOT_OPEN", leadId);
            }
        }
    }

    /** The steps follow the procedure's order: verification, village evaluation, township, county. */
    record StepOrder(CaseStage stage, CaseStage... allowed) implements Rule {
        public void verify() {
            if (!Arrays.asList(allowed).contains(stage)) {
                // The stages by their message keys, so that each language names them in its own words.
                throw RuleViolation.conflict("IDENT_STEP_ORDER", name(stage), new DefaultMessageSourceResolvable(
                        new String[] {"stages." + allowed.length}, Arrays.stream(allowed).map(Rules::name).toArray()));
            }
        }
    }

    private static MessageSourceResolvable name(CaseStage stage) {
        return new DefaultMessageSourceResolvable(new String[] {"stage." + stage.name()}, stage.chineseName());
    }

    /** 双签字: the household confirms what the collector recorded. */
    record VerificationIsConfirmedByTheHousehold(boolean householdConfirmed) implements Rule {
        public void verify() {
            if (!householdConfirmed) {
                throw RuleViolation.of("IDENT_VERIFICATION_UNCONFIRMED");
            }
        }
    }

    /** The home visit verifies a lead that had come in: it is not dated before the lead. */
    record VerificationFollowsTheLead(LocalDate reportedOn, LocalDate verifiedOn) implements Rule {
        public void verify() {
            if (verifiedOn.isBefore(reportedOn)) {
                throw RuleViolation.of("IDENT_VERIFICATION_BEFORE_LEAD", verifiedOn, reportedOn);
            }
        }
    }

    /** The public notice goes up after the verification and not in the future. */
    record NoticeStartsAfterTheVerification(LocalDate noticeFrom, LocalDate verifiedOn, LocalDate today)
            implements Rule {
        public void verify() {
            if (noticeFrom.isBefore(verifiedOn) || noticeFrom.isAfter(today)) {
                throw RuleViolation.of("IDENT_NOTICE_START_INVALID", noticeFrom, verifiedOn, today);
            }
        }
    }

    /** The township reviews only after the whole public-notice period has passed. */
    record PublicNoticeHasEnded(LocalDate noticeUntil, LocalDate today) implements Rule {
        public void verify() {
            if (!today.isAfter(noticeUntil)) {
                throw RuleViolation.conflict("IDENT_PUBLIC_NOTICE_RUNNING", noticeUntil);
            }
        }
    }

    /**
     * The public notice ran the days the policy asks for the object type the county identifies (the low-income
     * seed: 7 days for 低保 objects, 5 elsewhere); a shorter notice goes back for a new one.
     */
    record NoticeRanTheDaysOfTheType(LocalDate noticeFrom, LocalDate noticeUntil, int requiredDays) implements Rule {
        public void verify() {
            long ran = ChronoUnit.DAYS.between(noticeFrom, noticeUntil) + 1;
            if (ran < requiredDays) {
                throw RuleViolation.of("IDENT_NOTICE_TOO_SHORT", ran, requiredDays);
            }
        }
    }

    /** The county decides after the township reviewed: its decision is not dated before the township's approval. */
    record CountyDecidesAfterTheTownship(LocalDate townshipApprovedOn, LocalDate decidedOn) implements Rule {
        public void verify() {
            if (decidedOn.isBefore(townshipApprovedOn)) {
                throw RuleViolation.of("IDENT_DECISION_BEFORE_TOWNSHIP_REVIEW", decidedOn, townshipApprovedOn);
            }
        }
    }

    /**
     * A county step dated more than the policy's allowance before the day it is recorded (补录) says why, in the
     * county approver's note: a decision cannot quietly be moved into the past.
     */
    record BackdatingIsExplained(Commands.CountyDating dating) implements Rule {
        public void verify() {
            dating.day().requireNoteBeyondAllowance("IDENT_BACKDATING_NOTE_REQUIRED");
        }
    }

    /** A return says why, a rejection records its judgement (研判结果): the level below must know what to do. */
    record ReasonIsGiven(String reason) implements Rule {
        public void verify() {
            if (reason == null || reason.isBlank()) {
                throw RuleViolation.of("IDENT_REASON_REQUIRED");
            }
        }
    }

    /** An identification names the object type and at least one risk type. */
    record IdentificationNamesTypeAndRisks(ObjectType objectType, List<RiskType> riskTypes) implements Rule {
        public void verify() {
            if (objectType == null || riskTypes == null || riskTypes.isEmpty()) {
                throw RuleViolation.of("IDENT_DECISION_INCOMPLETE");
            }
        }
    }

    /** An imported identification does not overrule a case under way here: that case decides (409). */
    record NoOpenCaseToImportOver(IdentificationCase openCase) implements Rule {
        public void verify() {
            if (openCase != null) {
                throw RuleViolation.conflict("IMPORT_CASE_OPEN", openCase.leadId());
            }
        }
    }
}
