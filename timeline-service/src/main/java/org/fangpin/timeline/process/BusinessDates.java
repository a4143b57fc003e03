package org.fangpin.timeline.process;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.assistance.AssistanceCaseClosed;
import org.fangpin.contracts.assistance.AssistanceCaseOpened;
import org.fangpin.contracts.assistance.MeasureAdded;
import org.fangpin.contracts.assistance.MeasureUpdated;
import org.fangpin.contracts.assistance.RiskEliminated;
import org.fangpin.contracts.assistance.RiskEliminationProposed;
import org.fangpin.contracts.assistance.RiskEliminationVerified;
import org.fangpin.contracts.assistance.RiskRollbackProposed;
import org.fangpin.contracts.assistance.RiskRollbackVerified;
import org.fangpin.contracts.assistance.RiskRolledBack;
import org.fangpin.contracts.identification.CountyReturned;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdReidentified;
import org.fangpin.contracts.identification.HouseholdVerified;
import org.fangpin.contracts.identification.IdentificationRejected;
import org.fangpin.contracts.identification.LeadReported;
import org.fangpin.contracts.identification.TownshipApproved;
import org.fangpin.contracts.identification.TownshipReturned;
import org.fangpin.contracts.identification.VillageEvaluationRecorded;
import org.fangpin.contracts.monitoring.LookBackMonitoringStarted;
import org.fangpin.contracts.monitoring.MonitoringClosed;
import org.fangpin.contracts.monitoring.MonitoringStarted;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.contracts.monitoring.RegularMonitoringResumed;

/**
 * The business date of each step (ADR 0036: the day it happened, as the work plans date it) and the note that
 * explains a late record, read from the event's own fields: one line per event type, here only. An event type not
 * listed (or a field left empty) carries no business date: it happened when it was recorded.
 */
public final class BusinessDates {

    private static final Map<Class<?>, Function<PublishedEvent, LocalDate>> HAPPENED_ON = Map.ofEntries(
            on(LeadReported.class, LeadReported::reportedOn),
            on(HouseholdVerified.class, HouseholdVerified::verifiedOn),
            on(VillageEvaluationRecorded.class,
                    e -> e.evaluatedOn() != null ? e.evaluatedOn() : e.noticeFrom()),
            on(TownshipApproved.class, TownshipApproved::approvedOn),
            on(TownshipReturned.class, TownshipReturned::returnedOn),
            on(HouseholdIdentified.class, HouseholdIdentified::identifiedOn),
            on(HouseholdReidentified.class, HouseholdReidentified::reidentifiedOn),
            on(IdentificationRejected.class, IdentificationRejected::rejectedOn),
            on(CountyReturned.class, CountyReturned::returnedOn),
            on(MonitoringStarted.class, MonitoringStarted::startedOn),
            on(MonthlyMonitoringRecorded.class, MonthlyMonitoringRecorded::recordedOn),
            on(MonitoringClosed.class, MonitoringClosed::closedOn),
            on(LookBackMonitoringStarted.class, LookBackMonitoringStarted::startedOn),
            on(RegularMonitoringResumed.class, RegularMonitoringResumed::resumedOn),
            on(AssistanceCaseOpened.class, AssistanceCaseOpened::openedOn),
            on(MeasureAdded.class, MeasureAdded::plannedOn),
            on(MeasureUpdated.class, MeasureUpdated::happenedOnOrRecorded),
            on(RiskEliminationProposed.class, RiskEliminationProposed::proposedOn),
            on(RiskEliminationVerified.class, RiskEliminationVerified::verifiedOn),
            on(RiskEliminated.class, RiskEliminated::eliminatedOn),
            on(RiskRollbackProposed.class, RiskRollbackProposed::proposedOn),
            on(RiskRollbackVerified.class, RiskRollbackVerified::verifiedOn),
            on(RiskRolledBack.class, RiskRolledBack::rolledBackOn),
            on(AssistanceCaseClosed.class, AssistanceCaseClosed::closedOn));

    private static final Map<Class<?>, Function<PublishedEvent, String>> NOTE = Map.ofEntries(
            note(MonitoringClosed.class, MonitoringClosed::backdatingNote),
            note(RiskEliminationProposed.class, RiskEliminationProposed::backdatingNote),
            note(RiskEliminationVerified.class, RiskEliminationVerified::backdatingNote),
            note(RiskEliminated.class, RiskEliminated::backdatingNote),
            note(RiskRollbackProposed.class, RiskRollbackProposed::backdatingNote),
            note(RiskRollbackVerified.class, RiskRollbackVerified::backdatingNote),
            note(RiskRolledBack.class, RiskRolledBack::backdatingNote));

    private BusinessDates() {
    }

    /** The day the step happened; {@code null} when the event carries none (it happened when recorded). */
    public static LocalDate happenedOn(PublishedEvent event) {
        Function<PublishedEvent, LocalDate> day = event == null ? null : HAPPENED_ON.get(event.getClass());
        return day == null ? null : day.apply(event);
    }

    /** Why a step dated beyond the policy's allowance was recorded only later (补录说明); {@code null} if none. */
    public static String backdatingNote(PublishedEvent event) {
        Function<PublishedEvent, String> note = event == null ? null : NOTE.get(event.getClass());
        String text = note == null ? null : note.apply(event);
        return text == null || text.isBlank() ? null : text;
    }

    private static <E extends PublishedEvent> Map.Entry<Class<?>, Function<PublishedEvent, LocalDate>> on(
            Class<E> type, Function<E, LocalDate> day) {
        return Map.entry(type, event -> day.apply(type.cast(event)));
    }

    private static <E extends PublishedEvent> Map.Entry<Class<?>, Function<PublishedEvent, String>> note(
            Class<E> type, Function<E, String> note) {
        return Map.entry(type, event -> note.apply(type.cast(event)));
    }
}
