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
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.monitoring.command.Commands.DepartmentHit;
import org.fangpin.monitoring.command.Commands.RecordMonthlyMonitoringCommand;

/**
 * The graded warning rules (分级预警, seeds piece 8) that judge a monthly record, each a named record so that a
 * warning says which rule raised it. Lines come from the policy of the household's region and year.
 * <ul>
 *   <li>Ⅰ红: income below the monitoring line, or one of the six guarantees not secure (基本生活出现严重困难)</li>
 *   <li>Ⅱ黄: a rigid expenditure above its warning line (piece 7)</li>
 *   <li>Ⅲ蓝: work lost or an emergency met (收入不够稳定)</li>
 * </ul>
 */
final class WarningRules {

    private WarningRules() {
    }

    interface WarningRule {
        Optional<Finding> finding();
    }

    /** 家庭人均纯收入低于监测收入标准. */
    record IncomeBelowMonitoringLine(BigDecimal perCapitaNetIncome, BigDecimal monitoringLine)
            implements WarningRule {
        public Optional<Finding> finding() {
            if (perCapitaNetIncome.compareTo(monitoringLine) >= 0) {
                return Optional.empty();
            }
            return Optional.of(new Finding(WarningLevel.I_RED, "INCOME_BELOW_MONITORING_LINE", perCapitaNetIncome,
                    monitoringLine, "家庭人均纯收入 " + perCapitaNetIncome.toPlainString() + " 元低于监测收入标准 "
                    + monitoringLine.toPlainString() + " 元"));
        }
    }

    /** 两不愁三保障及饮水安全存在缺项. */
    record GuaranteeGap(Set<Guarantee> gaps) implements WarningRule {
        public Optional<Finding> finding() {
            if (gaps.isEmpty()) {
                return Optional.empty();
            }
            String names = gaps.stream().sorted().map(Guarantee::chineseName).collect(Collectors.joining("、"));
            return Optional.of(new Finding(WarningLevel.I_RED, "GUARANTEE_GAP", BigDecimal.valueOf(gaps.size()),
                    BigDecimal.ZERO, "“两不愁三保障”及饮水安全存在缺项：" + names));
        }
    }

    /** 刚性支出超过预警线 (因病 5,000 / 因学 8,000 / 因灾 10,000 元 in the 2020 plans). */
    record RigidExpenditureAboveWarningLine(RigidExpenditure kind, BigDecimal amount, BigDecimal warningLine)
            implements WarningRule {
        public Optional<Finding> finding() {
            if (amount == null || warningLine == null || amount.compareTo(warningLine) <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Finding(WarningLevel.II_YELLOW, kind.name() + "_EXPENDITURE_ABOVE_WARNING_LINE",
                    amount, warningLine, kind.chineseName() + " " + amount.toPlainString() + " 元超过预警线 "
                    + warningLine.toPlainString() + " 元"));
        }
    }

    /** 务工就业不稳. */
    record UnstableEmployment(boolean employmentUnstable) implements WarningRule {
        public Optional<Finding> finding() {
            return employmentUnstable
                    ? Optional.of(new Finding(WarningLevel.III_BLUE, "UNSTABLE_EMPLOYMENT", null, null,
                    "家庭成员务工就业不稳，收入来源不稳定"))
                    : Optional.empty();
        }
    }

    /** 遭遇突发事件. */
    record EmergencyReported(String emergency) implements WarningRule {
        public Optional<Finding> finding() {
            return emergency == null || emergency.isBlank()
                    ? Optional.empty()
                    : Optional.of(new Finding(WarningLevel.III_BLUE, "EMERGENCY_REPORTED", null, null,
                    "本月遭遇突发事件：" + emergency));
        }
    }

    /** 行业部门数据超过预警线或显示风险状态. */
    record DepartmentDataHit(DepartmentHit hit) implements WarningRule {
        public Optional<Finding> finding() {
            Indicator indicator = hit.indicator();
            String reason = indicator.department().chineseName() + "数据：" + indicator.chineseName()
                    + (hit.threshold() == null ? ""
                    : " " + hit.observedValue().toPlainString() + " 元超过预警线 " + hit.threshold().toPlainString() + " 元");
            return Optional.of(new Finding(indicator.level(), indicator.rule(), hit.observedValue(), hit.threshold(),
                    reason));
        }
    }

    static List<Finding> judge(RecordMonthlyMonitoringCommand record) {
        PolicyThresholds policy = record.thresholds();
        Map<RigidExpenditure, BigDecimal> spent = record.rigidExpenditures();
        return Stream.of(
                        new IncomeBelowMonitoringLine(record.perCapitaNetIncome(), policy.monitoringLine()),
                        new GuaranteeGap(record.guaranteeGaps()),
                        new RigidExpenditureAboveWarningLine(RigidExpenditure.MEDICAL,
                                spent.get(RigidExpenditure.MEDICAL), policy.medicalExpenditureWarningLine()),
                        new RigidExpenditureAboveWarningLine(RigidExpenditure.EDUCATION,
                                spent.get(RigidExpenditure.EDUCATION), policy.educationExpenditureWarningLine()),
                        new RigidExpenditureAboveWarningLine(RigidExpenditure.DISASTER,
                                spent.get(RigidExpenditure.DISASTER), policy.disasterLossWarningLine()),
                        new UnstableEmployment(record.employmentUnstable()),
                        new EmergencyReported(record.emergency()))
                .map(WarningRule::finding).flatMap(Optional::stream).toList();
    }

    static List<Finding> judge(List<DepartmentHit> hits) {
        return hits.stream().sorted(Comparator.comparing(hit -> hit.indicator().level()))
                .map(hit -> new DepartmentDataHit(hit).finding()).flatMap(Optional::stream).toList();
    }
}
