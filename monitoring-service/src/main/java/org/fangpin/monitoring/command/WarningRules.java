package org.fangpin.monitoring.command;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.contracts.value.WarningGrades;
import org.fangpin.monitoring.command.Commands.DepartmentHit;
import org.fangpin.monitoring.command.Commands.RecordMonthlyMonitoringCommand;

/**
 * The warning rules (分级预警, seeds piece 8) that judge a monthly record, each a named record so that a warning says
 * which rule raised it. What each rule finds is graded by the policy of the household's region and year
 * ({@link PolicyThresholds#warningLevel}), which starts from the work plans' grading ({@link WarningGrades}):
 * <ul>
 *   <li>Ⅰ红: income below the monitoring line, a guarantee not secure, a rigid expenditure above its warning line
 *   (piece 7), labour capacity lost entirely with nothing to live on (基本生活出现严重困难)</li>
 *   <li>Ⅱ黄: no labour capacity, living only on transfers (资金帮扶、产业分红)</li>
 *   <li>Ⅲ蓝: labour capacity partly lost, work lost or an emergency met (收入水平不够稳定)</li>
 * </ul>
 */
final class WarningRules {

    private WarningRules() {
    }

    interface WarningRule {
        Optional<Finding> finding();
    }

    /** 家庭人均纯收入低于监测收入标准. */
    record IncomeBelowMonitoringLine(BigDecimal perCapitaNetIncome, PolicyThresholds policy) implements WarningRule {
        public Optional<Finding> finding() {
            BigDecimal line = policy.monitoringLine();
            if (perCapitaNetIncome.compareTo(line) >= 0) {
                return Optional.empty();
            }
            return found(policy, WarningGrades.INCOME_BELOW_MONITORING_LINE, perCapitaNetIncome, line,
                    "家庭人均纯收入 " + perCapitaNetIncome.toPlainString() + " 元低于监测收入标准 "
                            + line.toPlainString() + " 元");
        }
    }

    /** 两不愁三保障及饮水安全存在缺项. */
    record GuaranteeGap(Set<Guarantee> gaps, PolicyThresholds policy) implements WarningRule {
        public Optional<Finding> finding() {
            if (gaps.isEmpty()) {
                return Optional.empty();
            }
            String names = gaps.stream().sorted().map(Guarantee::chineseName).collect(Collectors.joining("、"));
            return found(policy, WarningGrades.GUARANTEE_GAP, BigDecimal.valueOf(gaps.size()), BigDecimal.ZERO,
                    "“两不愁三保障”及饮水安全存在缺项：" + names);
        }
    }

    /** 刚性支出超过预警线 (因病 5,000 / 因学 8,000 / 因灾 10,000 元 in the 2020 plans). */
    record RigidExpenditureAboveWarningLine(RigidExpenditure kind, BigDecimal amount, BigDecimal warningLine,
                                            PolicyThresholds policy) implements WarningRule {
        public Optional<Finding> finding() {
            if (amount == null || warningLine == null || amount.compareTo(warningLine) <= 0) {
                return Optional.empty();
            }
            return found(policy, kind.name() + "_EXPENDITURE_ABOVE_WARNING_LINE", amount, warningLine,
                    kind.chineseName() + " " + amount.toPlainString() + " 元超过预警线 " + warningLine.toPlainString()
                            + " 元");
        }
    }

    /**
     * 完全丧失劳动能力 with nothing to live on: the household has no labour capacity and no transfers carry it
     * (基本生活出现严重困难). Once support carries it, {@link IncomeOnlyFromTransfers} grades it instead.
     */
    record LabourCapacityLost(LabourCapacity labourCapacity, boolean incomeOnlyFromTransfers,
                              PolicyThresholds policy) implements WarningRule {
        public Optional<Finding> finding() {
            return labourCapacity == LabourCapacity.NONE && !incomeOnlyFromTransfers
                    ? found(policy, WarningGrades.LABOUR_CAPACITY_LOST, null, null,
                    "家庭劳动力完全丧失劳动能力，收入无保障")
                    : Optional.empty();
        }
    }

    /** 无劳动力、无创业能力，收入仅靠资金帮扶、产业分红等方式带动. */
    record IncomeOnlyFromTransfers(LabourCapacity labourCapacity, boolean incomeOnlyFromTransfers,
                                   PolicyThresholds policy) implements WarningRule {
        public Optional<Finding> finding() {
            return labourCapacity == LabourCapacity.NONE && incomeOnlyFromTransfers
                    ? found(policy, WarningGrades.INCOME_ONLY_FROM_TRANSFERS, null, null,
                    "无劳动能力，收入仅靠资金帮扶、产业分红等转移性收入")
                    : Optional.empty();
        }
    }

    /** 因病因残等部分丧失劳动力. */
    record LabourCapacityPartlyLost(LabourCapacity labourCapacity, PolicyThresholds policy) implements WarningRule {
        public Optional<Finding> finding() {
            return labourCapacity == LabourCapacity.PARTIAL
                    ? found(policy, WarningGrades.LABOUR_CAPACITY_PARTLY_LOST, null, null,
                    "家庭劳动力因病因残等部分丧失劳动能力")
                    : Optional.empty();
        }
    }

    /** 务工就业不稳. */
    record UnstableEmployment(boolean employmentUnstable, PolicyThresholds policy) implements WarningRule {
        public Optional<Finding> finding() {
            return employmentUnstable
                    ? found(policy, WarningGrades.UNSTABLE_EMPLOYMENT, null, null, "家庭成员务工就业不稳，收入来源不稳定")
                    : Optional.empty();
        }
    }

    /** 遭遇突发事件. */
    record EmergencyReported(String emergency, PolicyThresholds policy) implements WarningRule {
        public Optional<Finding> finding() {
            return emergency == null || emergency.isBlank()
                    ? Optional.empty()
                    : found(policy, WarningGrades.EMERGENCY_REPORTED, null, null, "本月遭遇突发事件：" + emergency);
        }
    }

    /** 行业部门数据超过预警线或显示风险状态, graded when the hit was screened. */
    record DepartmentDataHit(DepartmentHit hit) implements WarningRule {
        public Optional<Finding> finding() {
            Indicator indicator = hit.indicator();
            return Optional.of(new Finding(hit.level(), indicator.rule(), hit.observedValue(), hit.threshold(),
                    indicator.reason(hit.observedValue(), hit.threshold())));
        }
    }

    private static Optional<Finding> found(PolicyThresholds policy, String rule, BigDecimal observedValue,
                                           BigDecimal threshold, String reason) {
        return Optional.of(new Finding(policy.warningLevel(rule), rule, observedValue, threshold, reason));
    }

    static List<Finding> judge(RecordMonthlyMonitoringCommand record) {
        PolicyThresholds policy = record.thresholds();
        Map<RigidExpenditure, BigDecimal> spent = record.rigidExpenditures();
        return Stream.of(
                        new IncomeBelowMonitoringLine(record.perCapitaNetIncome(), policy),
                        new GuaranteeGap(record.guaranteeGaps(), policy),
                        new RigidExpenditureAboveWarningLine(RigidExpenditure.MEDICAL,
                                spent.get(RigidExpenditure.MEDICAL), policy.medicalExpenditureWarningLine(), policy),
                        new RigidExpenditureAboveWarningLine(RigidExpenditure.EDUCATION,
                                spent.get(RigidExpenditure.EDUCATION), policy.educationExpenditureWarningLine(),
                                policy),
                        new RigidExpenditureAboveWarningLine(RigidExpenditure.DISASTER,
                                spent.get(RigidExpenditure.DISASTER), policy.disasterLossWarningLine(), policy),
                        new LabourCapacityLost(record.labourCapacity(), record.incomeOnlyFromTransfers(), policy),
                        new IncomeOnlyFromTransfers(record.labourCapacity(), record.incomeOnlyFromTransfers(), policy),
                        new LabourCapacityPartlyLost(record.labourCapacity(), policy),
                        new UnstableEmployment(record.employmentUnstable(), policy),
                        new EmergencyReported(record.emergency(), policy))
                .map(WarningRule::finding).flatMap(Optional::stream).toList();
    }

    static List<Finding> judge(List<DepartmentHit> hits) {
        return hits.stream().sorted(Comparator.comparing(DepartmentHit::level))
                .map(hit -> new DepartmentDataHit(hit).finding()).flatMap(Optional::stream).toList();
    }
}
