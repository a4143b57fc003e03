package org.fangpin.monitoring.command;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.Department;
import org.fangpin.contracts.value.WarningLevel;

/**
 * What a department's row reports, the department that may report it, and how it is judged: an amount against a
 * warning line of the policy (seeds piece 7), or a status that is a risk by itself. The level is the warning a hit
 * raises on a monitored household (seeds piece 8: a gap in the guarantees is Ⅰ, a large rigid expenditure or a
 * household living on support Ⅱ, a weakened labour force Ⅲ).
 */
public enum Indicator {
    MEDICAL_SELF_PAID(Department.MEDICAL_INSURANCE, "医疗自付费用", WarningLevel.II_YELLOW,
            PolicyThresholds::medicalExpenditureWarningLine),
    MINIMUM_LIVING_ALLOWANCE(Department.CIVIL_AFFAIRS, "纳入低保", WarningLevel.II_YELLOW, null),
    EXTREME_HARDSHIP_SUPPORT(Department.CIVIL_AFFAIRS, "纳入特困供养", WarningLevel.II_YELLOW, null),
    TEMPORARY_RELIEF(Department.CIVIL_AFFAIRS, "领取临时救助", WarningLevel.II_YELLOW, null),
    DISABILITY_CERTIFICATE(Department.DISABLED_PERSONS_FEDERATION, "新办残疾证", WarningLevel.III_BLUE, null),
    SCHOOL_DROP_OUT(Department.EDUCATION, "义务教育阶段辍学或休学", WarningLevel.I_RED, null),
    EDUCATION_EXPENDITURE(Department.EDUCATION, "教育支出", WarningLevel.II_YELLOW,
            PolicyThresholds::educationExpenditureWarningLine),
    UNSAFE_HOUSE(Department.HOUSING, "住房鉴定为C级或D级危房", WarningLevel.I_RED, null),
    DRINKING_WATER_PROBLEM(Department.WATER_RESOURCES, "饮水安全问题", WarningLevel.I_RED, null),
    DISASTER_LOSS(Department.EMERGENCY_MANAGEMENT, "灾害损失", WarningLevel.II_YELLOW,
            PolicyThresholds::disasterLossWarningLine),
    UNEMPLOYED(Department.HUMAN_RESOURCES, "务工人员失业", WarningLevel.III_BLUE, null);

    private final Department department;
    private final String chineseName;
    private final WarningLevel level;
    private final Function<PolicyThresholds, BigDecimal> line;

    Indicator(Department department, String chineseName, WarningLevel level,
              Function<PolicyThresholds, BigDecimal> line) {
        this.department = department;
        this.chineseName = chineseName;
        this.level = level;
        this.line = line;
    }

    public Department department() {
        return department;
    }

    public String chineseName() {
        return chineseName;
    }

    public WarningLevel level() {
        return level;
    }

    /** Whether the row carries an amount judged against a policy line (otherwise every row is a hit). */
    public boolean isAmount() {
        return line != null;
    }

    /** The policy line an amount is judged by; empty for a status indicator. */
    public Optional<BigDecimal> line(PolicyThresholds thresholds) {
        return line == null ? Optional.empty() : Optional.ofNullable(line.apply(thresholds));
    }

    /** The rule name a warning from this indicator carries, e.g. {@code DEPARTMENT_MEDICAL_SELF_PAID}. */
    public String rule() {
        return "DEPARTMENT_" + name();
    }
}
