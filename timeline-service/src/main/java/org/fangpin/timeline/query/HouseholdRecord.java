package org.fangpin.timeline.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.assistance.AssistanceCaseClosed;
import org.fangpin.contracts.assistance.AssistanceCaseOpened;
import org.fangpin.contracts.assistance.MeasureAdded;
import org.fangpin.contracts.assistance.MeasureOverdue;
import org.fangpin.contracts.assistance.MeasureUpdated;
import org.fangpin.contracts.assistance.RiskEliminated;
import org.fangpin.contracts.assistance.RiskEliminationProposed;
import org.fangpin.contracts.assistance.RiskEliminationReturned;
import org.fangpin.contracts.assistance.RiskRollbackProposed;
import org.fangpin.contracts.assistance.RiskRollbackReturned;
import org.fangpin.contracts.assistance.RiskRolledBack;
import org.fangpin.contracts.assistance.SafetyNetHouseholdDesignated;
import org.fangpin.contracts.assistance.WarningResponded;
import org.fangpin.contracts.assistance.WarningResponseOverdue;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.HouseholdReidentified;
import org.fangpin.contracts.identification.IdentificationOverdue;
import org.fangpin.contracts.identification.IdentificationRejected;
import org.fangpin.contracts.identification.LeadReported;
import org.fangpin.contracts.identification.MemberAdded;
import org.fangpin.contracts.identification.MemberRemoved;
import org.fangpin.contracts.identification.ReidentificationOpened;
import org.fangpin.contracts.monitoring.LookBackMonitoringStarted;
import org.fangpin.contracts.monitoring.MonitoringClosed;
import org.fangpin.contracts.monitoring.MonitoringStarted;
import org.fangpin.contracts.monitoring.MonthlyMonitoringMissed;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.contracts.monitoring.RegularMonitoringResumed;
import org.fangpin.contracts.monitoring.WarningCleared;
import org.fangpin.contracts.monitoring.WarningLevelChanged;
import org.fangpin.contracts.monitoring.WarningRaised;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.MeasureStatus;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.contracts.value.WarningLevel;

/**
 * What the record of one household shows after a sequence of its events: status, flags, open warnings and overdue
 * items, and the figures of the ledger. The same fold serves the live projection and "as of a date", so both
 * always agree. Events this reader does not know leave the record as it was.
 */
// Collections are declared with their concrete types so that a record read back from JSON keeps its order and
// writes the same JSON again (a rebuild is compared byte for byte).
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class HouseholdRecord {

    private String householdId;
    private String regionCode;
    private String headName;
    private String headIdNumber;
    private HouseholdCategory category;
    private int declaredMemberCount;
    private LinkedHashSet<String> members = new LinkedHashSet<>();
    private LocalDate registeredOn;

    private HouseholdStatus status = HouseholdStatus.NOT_MONITORED;
    private HouseholdStatus statusBeforeIdentification;
    private EnumSet<StatusFlag> flags = EnumSet.noneOf(StatusFlag.class);
    private boolean identificationOverdue;

    private ObjectType objectType;
    private ArrayList<RiskType> riskTypes = new ArrayList<>();
    private LabourCapacity labourCapacity;
    private BigDecimal incomeAtIdentification;
    private BigDecimal monitoringLine;
    private LocalDate identifiedOn;
    private LocalDate monitoredSince;

    private TreeMap<YearMonth, BigDecimal> incomeByMonth = new TreeMap<>();
    private YearMonth latestRecordedMonth;
    private ArrayList<Guarantee> latestGuaranteeGaps = new ArrayList<>();
    private LinkedHashSet<YearMonth> missedMonths = new LinkedHashSet<>();

    private LinkedHashMap<String, WarningLevel> openWarnings = new LinkedHashMap<>();
    private LinkedHashSet<String> overdueWarningResponses = new LinkedHashSet<>();

    private LinkedHashMap<String, MeasureStatus> measures = new LinkedHashMap<>();
    private LinkedHashMap<String, MeasureType> measureTypes = new LinkedHashMap<>();
    private LinkedHashSet<String> overdueMeasures = new LinkedHashSet<>();
    /** Measures whose outcome (帮扶成效) was recorded. */
    private LinkedHashSet<String> measuresWithOutcome = new LinkedHashSet<>();

    private boolean eliminationPending;
    private boolean rollbackPending;
    private LocalDate eliminatedOn;
    private LocalDate monitoringClosedOn;
    private LocalDate rolledBackOn;
    private int eliminations;
    private int rollbacks;
    private int reidentifications;

    public static HouseholdRecord of(String householdId) {
        HouseholdRecord record = new HouseholdRecord();
        record.householdId = householdId;
        return record;
    }

    /** Applies one event; {@code on} is the day it was recorded (Asia/Shanghai), for events that carry no date. */
    public HouseholdRecord apply(PublishedEvent event, LocalDate on) {
        if (regionCode == null || event.regionCode() != null && event.regionCode().length() == 12) {
            regionCode = event.regionCode();
        }
        registry(event, on);
        identification(event);
        monitoring(event);
        assistance(event);
        return this;
    }

    private void registry(PublishedEvent event, LocalDate on) {
        if (event instanceof HouseholdRegistered e) {
            headName = e.headName();
            headIdNumber = e.headIdNumber();
            category = e.category();
            declaredMemberCount = e.memberCount();
            registeredOn = on;
        } else if (event instanceof MemberAdded e) {
            members.add(e.memberId());
        } else if (event instanceof MemberRemoved e) {
            members.remove(e.memberId());
        }
    }

    private void identification(PublishedEvent event) {
        if (event instanceof LeadReported) {
            openIdentification(false);
        } else if (event instanceof ReidentificationOpened) {
            openIdentification(true);
        } else if (event instanceof IdentificationOverdue) {
            identificationOverdue = status == HouseholdStatus.UNDER_IDENTIFICATION;
        } else if (event instanceof IdentificationRejected) {
            status = statusBeforeIdentification != null ? statusBeforeIdentification : HouseholdStatus.NOT_MONITORED;
            identificationOverdue = false;
        } else if (event instanceof HouseholdIdentified e) {
            identified(e.objectType(), e.riskTypes(), e.labourCapacity(), e.perCapitaNetIncome(), e.monitoringLine(),
                    e.identifiedOn());
            flags.removeAll(EnumSet.of(StatusFlag.ROLLED_BACK, StatusFlag.REIDENTIFIED, StatusFlag.LOOK_BACK));
        } else if (event instanceof HouseholdReidentified e) {
            identified(e.objectType(), e.riskTypes(), e.labourCapacity(), e.perCapitaNetIncome(), e.monitoringLine(),
                    e.reidentifiedOn());
            reidentifications++;
            flags.removeAll(EnumSet.of(StatusFlag.ROLLED_BACK, StatusFlag.LOOK_BACK));
            flags.add(StatusFlag.REIDENTIFIED);
        }
    }

    private void openIdentification(boolean reidentification) {
        if (status == HouseholdStatus.NOT_MONITORED || status == HouseholdStatus.RISK_ELIMINATED
                || status == HouseholdStatus.MONITORING_CLOSED) {
            statusBeforeIdentification = status;
            status = HouseholdStatus.UNDER_IDENTIFICATION;
        }
        if (reidentification) {
            identificationOverdue = false;
        }
    }

    private void identified(ObjectType type, List<RiskType> risks, LabourCapacity labour, BigDecimal income,
                            BigDecimal line, LocalDate on) {
        status = HouseholdStatus.RISK_NOT_ELIMINATED;
        identificationOverdue = false;
        objectType = type;
        riskTypes = new ArrayList<>(risks == null ? List.of() : risks);
        labourCapacity = labour;
        incomeAtIdentification = income;
        monitoringLine = line;
        identifiedOn = on;
    }

    private void monitoring(PublishedEvent event) {
        if (event instanceof MonitoringStarted e) {
            monitoredSince = monitoredSince == null ? e.startedOn() : monitoredSince;
            objectType = objectType == null ? e.objectType() : objectType;
        } else if (event instanceof MonthlyMonitoringRecorded e) {
            if (e.perCapitaNetIncome() != null) {
                incomeByMonth.put(e.month(), e.perCapitaNetIncome());
            }
            if (latestRecordedMonth == null || !e.month().isBefore(latestRecordedMonth)) {
                latestRecordedMonth = e.month();
                latestGuaranteeGaps = new ArrayList<>(e.guaranteeGaps() == null ? List.of() : e.guaranteeGaps());
            }
            missedMonths.remove(e.month());
        } else if (event instanceof MonthlyMonitoringMissed e) {
            if (!incomeByMonth.containsKey(e.month())) {
                missedMonths.add(e.month());
            }
        } else if (event instanceof WarningRaised e) {
            openWarnings.put(e.warningId(), e.level());
        } else if (event instanceof WarningLevelChanged e) {
            openWarnings.put(e.warningId(), e.to());
        } else if (event instanceof WarningCleared e) {
            openWarnings.remove(e.warningId());
            overdueWarningResponses.remove(e.warningId());
        } else if (event instanceof LookBackMonitoringStarted) {
            flags.add(StatusFlag.LOOK_BACK);
        } else if (event instanceof RegularMonitoringResumed) {
            flags.remove(StatusFlag.LOOK_BACK);
        } else if (event instanceof MonitoringClosed e) {
            status = HouseholdStatus.MONITORING_CLOSED;
            monitoringClosedOn = e.closedOn();
            flags.remove(StatusFlag.LOOK_BACK);
            openWarnings.clear();
        }
    }

    private void assistance(PublishedEvent event) {
        if (event instanceof AssistanceCaseOpened e) {
            objectType = objectType == null ? e.objectType() : objectType;
            labourCapacity = labourCapacity == null ? e.labourCapacity() : labourCapacity;
        } else if (event instanceof MeasureAdded e) {
            measures.put(e.measureId(), MeasureStatus.PLANNED);
            measureTypes.put(e.measureId(), e.measureType());
        } else if (event instanceof MeasureUpdated e) {
            if (e.status() != null) {
                measures.put(e.measureId(), e.status());
            }
            if (e.outcome() != null && !e.outcome().isBlank()) {
                measuresWithOutcome.add(e.measureId());
            }
            if (e.status() == MeasureStatus.COMPLETED || e.status() == MeasureStatus.ENDED || e.dueDate() != null) {
                overdueMeasures.remove(e.measureId());
            }
        } else if (event instanceof MeasureOverdue e) {
            overdueMeasures.add(e.measureId());
        } else if (event instanceof WarningResponseOverdue e) {
            overdueWarningResponses.add(e.warningId());
        } else if (event instanceof WarningResponded e) {
            overdueWarningResponses.remove(e.warningId());
        } else if (event instanceof SafetyNetHouseholdDesignated) {
            flags.add(StatusFlag.SAFETY_NET);
        } else if (event instanceof RiskEliminationProposed) {
            eliminationPending = true;
        } else if (event instanceof RiskEliminationReturned) {
            eliminationPending = false;
        } else if (event instanceof RiskEliminated e) {
            status = HouseholdStatus.RISK_ELIMINATED;
            eliminationPending = false;
            eliminatedOn = e.eliminatedOn();
            eliminations++;
            flags.removeAll(EnumSet.of(StatusFlag.ROLLED_BACK, StatusFlag.REIDENTIFIED));
        } else if (event instanceof RiskRollbackProposed) {
            rollbackPending = true;
        } else if (event instanceof RiskRollbackReturned) {
            rollbackPending = false;
        } else if (event instanceof AssistanceCaseClosed) {
            // closed with the monitoring: nothing of the case is due any longer
            overdueMeasures.clear();
            overdueWarningResponses.clear();
            eliminationPending = false;
            rollbackPending = false;
        } else if (event instanceof RiskRolledBack e) {
            status = HouseholdStatus.RISK_NOT_ELIMINATED;
            rollbackPending = false;
            rolledBackOn = e.rolledBackOn();
            rollbacks++;
            flags.remove(StatusFlag.LOOK_BACK);
            flags.add(StatusFlag.ROLLED_BACK);
        }
    }

    /** The most urgent open warning (Ⅰ before Ⅱ before Ⅲ). */
    public Optional<WarningLevel> warningLevel() {
        return openWarnings.values().stream().min(Comparator.naturalOrder());
    }

    /** Overdue items still open: measures, monthly records, warning responses and the identification deadline. */
    public int openOverdueItems() {
        return overdueMeasures.size() + missedMonths.size() + overdueWarningResponses.size()
                + (identificationOverdue ? 1 : 0);
    }

    /** Consecutive months, up to the latest record, with per-capita income above the monitoring line. */
    public int monthsAboveMonitoringLine() {
        if (monitoringLine == null) {
            return 0;
        }
        int months = 0;
        YearMonth expected = null;
        for (Map.Entry<YearMonth, BigDecimal> month : incomeByMonth.descendingMap().entrySet()) {
            if (expected != null && !month.getKey().equals(expected) || month.getValue().compareTo(monitoringLine) <= 0) {
                break;
            }
            months++;
            expected = month.getKey().minusMonths(1);
        }
        return months;
    }

    public int memberCount() {
        return members.isEmpty() ? declaredMemberCount : members.size();
    }

    public long measuresCarriedOut() {
        return measures.values().stream()
                .filter(s -> s == MeasureStatus.COMPLETED || s == MeasureStatus.GRADUAL_EXIT || s == MeasureStatus.ENDED)
                .count();
    }

    /** Measures completed (已完成) with their outcome recorded: what elimination asks for at least one of. */
    public long measuresCompletedWithOutcome() {
        return measures.entrySet().stream()
                .filter(m -> m.getValue() == MeasureStatus.COMPLETED && measuresWithOutcome.contains(m.getKey()))
                .count();
    }

    public Optional<BigDecimal> latestIncome() {
        return incomeByMonth.isEmpty() ? Optional.empty() : Optional.of(incomeByMonth.lastEntry().getValue());
    }

    public Optional<YearMonth> latestMonth() {
        return incomeByMonth.isEmpty() ? Optional.empty() : Optional.of(incomeByMonth.lastKey());
    }

    public String householdId() {
        return householdId;
    }

    public String regionCode() {
        return regionCode;
    }

    public String headName() {
        return headName;
    }

    public String headIdNumber() {
        return headIdNumber;
    }

    public HouseholdCategory category() {
        return category;
    }

    public LocalDate registeredOn() {
        return registeredOn;
    }

    public HouseholdStatus status() {
        return status;
    }

    public Set<StatusFlag> flags() {
        return Set.copyOf(flags);
    }

    public ObjectType objectType() {
        return objectType;
    }

    public List<RiskType> riskTypes() {
        return List.copyOf(riskTypes);
    }

    public LabourCapacity labourCapacity() {
        return labourCapacity;
    }

    public BigDecimal incomeAtIdentification() {
        return incomeAtIdentification;
    }

    public BigDecimal monitoringLine() {
        return monitoringLine;
    }

    public LocalDate identifiedOn() {
        return identifiedOn;
    }

    public LocalDate monitoredSince() {
        return monitoredSince;
    }

    public List<Guarantee> latestGuaranteeGaps() {
        return List.copyOf(latestGuaranteeGaps);
    }

    public int openWarnings() {
        return openWarnings.size();
    }

    public int measureCount() {
        return measures.size();
    }

    public List<MeasureType> measureTypes() {
        return measureTypes.values().stream().distinct().toList();
    }

    public boolean eliminationPending() {
        return eliminationPending;
    }

    public boolean rollbackPending() {
        return rollbackPending;
    }

    public LocalDate eliminatedOn() {
        return eliminatedOn;
    }

    public LocalDate rolledBackOn() {
        return rolledBackOn;
    }

    public LocalDate monitoringClosedOn() {
        return monitoringClosedOn;
    }

    public int eliminations() {
        return eliminations;
    }

    public int rollbacks() {
        return rollbacks;
    }

    public int reidentifications() {
        return reidentifications;
    }
}
