package org.fangpin.contracts.identification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;

/** 识别认定为监测对象 — the county approved the household as a monitoring object. */
public record HouseholdIdentified(String householdId, String regionCode, String leadId, ObjectType objectType,
                                  List<RiskType> riskTypes, LabourCapacity labourCapacity,
                                  BigDecimal perCapitaNetIncome, BigDecimal monitoringLine, LocalDate identifiedOn)
        implements HouseholdEvent {
}
