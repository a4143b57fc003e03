package org.fangpin.monitoring.command;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.Department;

/**
 * What a department's row reports, the department that may report it, and how it is judged: an amount against a
 * warning line of the policy (seeds piece 7), or a status that is a risk by itself. The warning level a hit raises
 * on a monitored household is the policy's grade of its {@link #rule()} (seeds piece 8).
 */
public enum Indicator {
    MEDICAL_SELF_PAID(Department.MEDICAL_INSURANCE, "医疗自付费用", PolicyThresholds::medicalExpenditureWarningLine),
    MINIMUM_LIVING_ALLOWANCE(Department.CIVIL_AFFAIRS, "纳入低保", null),
    EXTREME_HARDSHIP_SUPPORT(Department.CIVIL_AFFAIRS, "纳入特困供养", null),
    TEMPORARY_RELIEF(Department.CIVIL_AFFAIRS, "领取临时救助", null),
    DISABILITY_CERTIFICATE(Department.DISABLED_PERSONS_FEDERATION, "新办残疾证", null),
    SCHOOL_DROP_OUT(Department.EDUCATION, "义务教育阶段辍学或休学", null),
    EDUCATION_EXPENDITURE(Department.EDUCATION, "教育支出", PolicyThresholds::educationExpenditureWarningLine),
    UNSAFE_HOUSE(Department.HOUSING, "住房鉴定为C级或D级危房", null),
    DRINKING_WATER_PROBLEM(Department.WATER_RESOURCES, "饮水安全问题", null),
    DISASTER_LOSS(Department.EMERGENCY_MANAGEMENT, "灾害损失", PolicyThresholds::disasterLossWarningLine),
    UNEMPLOYED(Department.HUMAN_RESOURCES, "务工人员失业", null);

    private final Department department;
    private final String chineseName;
    private final Function<PolicyThresholds, BigDecimal> line;

    Indicator(Department department, String chineseName, Function<PolicyThresholds, BigDecimal> line) {
        this.department = department;
        this.chineseName = chineseName;
        this.line = line;
    }

    public Department department() {
        return department;
    }

    public String chineseName() {
        return chineseName;
    }

    /** Whether the row carries an amount judged against a policy line (otherwise every row is a hit). */
    public boolean isAmount() {
        return line != null;
    }

    /** The policy line an amount is judged by; empty for a status indicator. */
    public Optional<BigDecimal> line(PolicyThresholds thresholds) {
        return line == null ? Optional.empty() : Optional.ofNullable(line.apply(thresholds));
    }

    /**
     * The rule name a warning from this indicator carries and the policy grades, e.g.
     * {@code DEPARTMENT_MEDICAL_SELF_PAID}.
     */
    public String rule() {
        return "DEPARTMENT_" + name();
    }

    /**
     * A hit in the words of the work plans, e.g. 民政局数据：纳入低保, or 医保局数据：医疗自付费用 18000.00 元超过预警线
     * 5000.00 元.
     *
     * @param threshold the line the amount is above; {@code null} for a status
     */
    public String reason(BigDecimal observedValue, BigDecimal threshold) {
        String hit = department.chineseName() + "数据：" + chineseName;
        return threshold == null || observedValue == null ? hit
                : hit + " " + observedValue.toPlainString() + " 元超过预警线 " + threshold.toPlainString() + " 元";
    }
}
