package org.fangpin.contracts.monitoring;

import java.util.List;

import org.fangpin.contracts.EventCatalog.Entry;

/** The events monitoring-service publishes on {@code fangpin.monitoring.v1}. */
public final class MonitoringEvents {

    public static final List<Entry> PUBLISHED = List.of(
            new Entry(MonitoringStarted.class, "monitoring", 1),
            new Entry(MonthlyMonitoringRecorded.class, "monitoring", 1),
            new Entry(WarningRaised.class, "monitoring", 1),
            new Entry(WarningLevelChanged.class, "monitoring", 1),
            new Entry(WarningCleared.class, "monitoring", 1),
            new Entry(DepartmentLeadRaised.class, "monitoring", 1),
            new Entry(MonthlyMonitoringMissed.class, "monitoring", 1),
            new Entry(ColourGradeChanged.class, "monitoring", 1),
            new Entry(LookBackMonitoringStarted.class, "monitoring", 1),
            new Entry(RegularMonitoringResumed.class, "monitoring", 1),
            new Entry(AreaHazardDeclared.class, "monitoring", 1),
            new Entry(ImmediateVisitRequested.class, "monitoring", 1),
            new Entry(MonitoringClosed.class, "monitoring", 1),
            new Entry(MissedMonitoringChecked.class, "monitoring", 1));

    private MonitoringEvents() {
    }
}
