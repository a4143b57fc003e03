package org.fangpin.identification.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.fangpin.contracts.value.LabourCapacity;

/**
 * The household's open identification case (识别认定程序): what its next step needs to know. Changed only by the
 * household's event-sourcing handlers.
 */
final class IdentificationCase {

    private final String leadId;
    private final boolean reidentification;
    private final LocalDate reportedOn;
    private final LocalDate verificationDueOn;
    private final LocalDate decisionDueOn;
    private final Set<Deadline> overdueRaised = EnumSet.noneOf(Deadline.class);
    private CaseStage stage = CaseStage.REPORTED;
    private BigDecimal verifiedIncome;
    private LabourCapacity labourCapacity;
    private LocalDate verifiedOn;
    private LocalDate noticeFrom;
    private LocalDate noticeUntil;
    private LocalDate townshipApprovedOn;

    IdentificationCase(String leadId, boolean reidentification, LocalDate reportedOn, LocalDate verificationDueOn,
                       LocalDate decisionDueOn) {
        this.leadId = leadId;
        this.reidentification = reidentification;
        this.reportedOn = reportedOn;
        this.verificationDueOn = verificationDueOn;
        this.decisionDueOn = decisionDueOn;
    }

    String leadId() {
        return leadId;
    }

    boolean reidentification() {
        return reidentification;
    }

    LocalDate reportedOn() {
        return reportedOn;
    }

    CaseStage stage() {
        return stage;
    }

    BigDecimal verifiedIncome() {
        return verifiedIncome;
    }

    LabourCapacity labourCapacity() {
        return labourCapacity;
    }

    LocalDate verifiedOn() {
        return verifiedOn;
    }

    LocalDate noticeFrom() {
        return noticeFrom;
    }

    LocalDate noticeUntil() {
        return noticeUntil;
    }

    LocalDate townshipApprovedOn() {
        return townshipApprovedOn;
    }

    /** The due date of a deadline that passed before its step was done and was not raised yet. */
    LocalDate newlyOverdue(Deadline deadline, LocalDate today) {
        LocalDate due = deadline == Deadline.VERIFICATION ? verificationDueOn : decisionDueOn;
        boolean done = deadline == Deadline.VERIFICATION && verifiedOn != null;
        return due == null || done || overdueRaised.contains(deadline) || !today.isAfter(due) ? null : due;
    }

    void verified(BigDecimal income, LabourCapacity capacity, LocalDate on) {
        stage = CaseStage.VERIFIED;
        verifiedIncome = income;
        labourCapacity = capacity;
        verifiedOn = on;
    }

    void onNotice(LocalDate from, LocalDate until) {
        stage = CaseStage.PUBLIC_NOTICE;
        noticeFrom = from;
        noticeUntil = until;
    }

    void approvedByTheTownship(LocalDate on) {
        stage = CaseStage.TOWNSHIP_APPROVED;
        townshipApprovedOn = on;
    }

    void movedTo(CaseStage next) {
        stage = next;
    }

    void overdueRaised(Deadline deadline) {
        overdueRaised.add(deadline);
    }
}
