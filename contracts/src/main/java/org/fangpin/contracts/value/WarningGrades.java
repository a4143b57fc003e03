package org.fangpin.contracts.value;

import java.util.Map;

/**
 * The warning grades of the work plans (分级预警, seeds plans piece 8), by the code of the rule that raises a warning.
 * A policy may regrade any rule ({@code PolicyThresholds.warningGrades}); this is the grading a policy starts from,
 * and the one a policy set before grades were policy data is read with.
 * <ul>
 *   <li>Ⅰ红 — 完全丧失劳动能力、因病因残因意外事故等刚性支出较大或收入大幅缩减，导致基本生活出现严重困难</li>
 *   <li>Ⅱ黄 — 无劳动力、无创业能力、收入仅靠资金帮扶、产业分红等方式带动</li>
 *   <li>Ⅲ蓝 — 因病因残等部分丧失劳动力、收入水平不够稳定、自主发展动力不足</li>
 * </ul>
 */
public final class WarningGrades {

    /** 家庭人均纯收入低于监测收入标准 */
    public static final String INCOME_BELOW_MONITORING_LINE = "INCOME_BELOW_MONITORING_LINE";
    /** “两不愁三保障”及饮水安全存在缺项 */
    public static final String GUARANTEE_GAP = "GUARANTEE_GAP";
    /** 医疗自付费用超过预警线 */
    public static final String MEDICAL_EXPENDITURE_ABOVE_WARNING_LINE = "MEDICAL_EXPENDITURE_ABOVE_WARNING_LINE";
    /** 教育支出超过预警线 */
    public static final String EDUCATION_EXPENDITURE_ABOVE_WARNING_LINE = "EDUCATION_EXPENDITURE_ABOVE_WARNING_LINE";
    /** 灾害损失超过预警线 */
    public static final String DISASTER_EXPENDITURE_ABOVE_WARNING_LINE = "DISASTER_EXPENDITURE_ABOVE_WARNING_LINE";
    /** 家庭劳动力完全丧失劳动能力 */
    public static final String LABOUR_CAPACITY_LOST = "LABOUR_CAPACITY_LOST";
    /** 无劳动能力，收入仅靠转移性收入（资金帮扶、产业分红） */
    public static final String INCOME_ONLY_FROM_TRANSFERS = "INCOME_ONLY_FROM_TRANSFERS";
    /** 因病因残部分丧失劳动能力 */
    public static final String LABOUR_CAPACITY_PARTLY_LOST = "LABOUR_CAPACITY_PARTLY_LOST";
    /** 务工就业不稳 */
    public static final String UNSTABLE_EMPLOYMENT = "UNSTABLE_EMPLOYMENT";
    /** 遭遇突发事件 */
    public static final String EMERGENCY_REPORTED = "EMERGENCY_REPORTED";

    /**
     * Piece 8's grading, the rules of monthly records and those of department data ({@code DEPARTMENT_} and the
     * indicator): an amount above its line is a large rigid expenditure (Ⅰ), a gap in the guarantees is Ⅰ, living on
     * support is Ⅱ, a weakened labour force or lost work is Ⅲ.
     */
    public static final Map<String, WarningLevel> SEED_BASELINE = Map.ofEntries(
            Map.entry(INCOME_BELOW_MONITORING_LINE, WarningLevel.I_RED),
            Map.entry(GUARANTEE_GAP, WarningLevel.I_RED),
            Map.entry(MEDICAL_EXPENDITURE_ABOVE_WARNING_LINE, WarningLevel.I_RED),
            Map.entry(EDUCATION_EXPENDITURE_ABOVE_WARNING_LINE, WarningLevel.I_RED),
            Map.entry(DISASTER_EXPENDITURE_ABOVE_WARNING_LINE, WarningLevel.I_RED),
            Map.entry(LABOUR_CAPACITY_LOST, WarningLevel.I_RED),
            Map.entry(INCOME_ONLY_FROM_TRANSFERS, WarningLevel.II_YELLOW),
            Map.entry(LABOUR_CAPACITY_PARTLY_LOST, WarningLevel.III_BLUE),
            Map.entry(UNSTABLE_EMPLOYMENT, WarningLevel.III_BLUE),
            Map.entry(EMERGENCY_REPORTED, WarningLevel.III_BLUE),
            Map.entry("DEPARTMENT_MEDICAL_SELF_PAID", WarningLevel.I_RED),
            Map.entry("DEPARTMENT_EDUCATION_EXPENDITURE", WarningLevel.I_RED),
            Map.entry("DEPARTMENT_DISASTER_LOSS", WarningLevel.I_RED),
            Map.entry("DEPARTMENT_SCHOOL_DROP_OUT", WarningLevel.I_RED),
            Map.entry("DEPARTMENT_UNSAFE_HOUSE", WarningLevel.I_RED),
            Map.entry("DEPARTMENT_DRINKING_WATER_PROBLEM", WarningLevel.I_RED),
            Map.entry("DEPARTMENT_MINIMUM_LIVING_ALLOWANCE", WarningLevel.II_YELLOW),
            Map.entry("DEPARTMENT_EXTREME_HARDSHIP_SUPPORT", WarningLevel.II_YELLOW),
            Map.entry("DEPARTMENT_TEMPORARY_RELIEF", WarningLevel.II_YELLOW),
            Map.entry("DEPARTMENT_DISABILITY_CERTIFICATE", WarningLevel.III_BLUE),
            Map.entry("DEPARTMENT_UNEMPLOYED", WarningLevel.III_BLUE));

    private WarningGrades() {
    }

    /** The seed's level of a rule; every rule that raises warnings has one. */
    public static WarningLevel baseline(String rule) {
        WarningLevel level = SEED_BASELINE.get(rule);
        if (level == null) {
            throw new IllegalArgumentException("no warning grade for rule " + rule);
        }
        return level;
    }
}
