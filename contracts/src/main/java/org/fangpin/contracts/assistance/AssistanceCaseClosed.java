package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.ClosureReason;

/**
 * 帮扶案例关闭 — the household's assistance case closed because the county closed its monitoring (终止监测): its
 * open measures no longer fall due, and no elimination or rollback is taken on it until a new identification opens
 * it again.
 *
 * @param reason   the reason the county gave for closing the monitoring
 * @param closedOn the day the county closed the monitoring
 */
public record AssistanceCaseClosed(String householdId, String regionCode, ClosureReason reason, LocalDate closedOn)
        implements HouseholdEvent {
}
