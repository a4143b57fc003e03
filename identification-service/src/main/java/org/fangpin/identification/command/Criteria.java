package org.fangpin.identification.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.RigidExpenditure;

/**
 * The identification criteria the verified evidence is judged by, from the policy of the household's region and
 * year: the decision screen says which are met and why, so the county's judgement is explainable, not a flag. The
 * county still decides on the whole picture (综合研判): meeting no criterion does not forbid an identification.
 */
public final class Criteria {

    private Criteria() {
    }

    /** One criterion judged on the evidence: a stable code, whether it is met and the reasoning in Chinese. */
    public interface Criterion {
        String code();

        boolean met();

        String explanation();
    }

    /** 家庭人均纯收入低于监测收入标准 */
    public record IncomeBelowMonitoringLine(BigDecimal income, BigDecimal monitoringLine) implements Criterion {
        public String code() {
            return "INCOME_BELOW_MONITORING_LINE";
        }

        public boolean met() {
            return income.compareTo(monitoringLine) < 0;
        }

        public String explanation() {
            return "家庭人均纯收入 " + income.toPlainString() + " 元" + (met() ? "低于" : "不低于") + "监测收入标准 "
                    + monitoringLine.toPlainString() + " 元";
        }
    }

    /** 刚性支出超过预警线 (因病 5,000, 因灾 10,000, 因学 8,000 元 in the seeds' policy) */
    public record ExpenditureAboveWarningLine(RigidExpenditure kind, BigDecimal amount, BigDecimal warningLine)
            implements Criterion {
        public String code() {
            return kind.name() + "_EXPENDITURE_ABOVE_WARNING_LINE";
        }

        public boolean met() {
            return amount.compareTo(warningLine) > 0;
        }

        public String explanation() {
            return kind.chineseName() + " " + amount.toPlainString() + " 元" + (met() ? "超过" : "未超过")
                    + "预警线 " + warningLine.toPlainString() + " 元";
        }
    }

    /** “两不愁三保障”及饮水安全存在缺项 */
    public record GuaranteeGap(List<Guarantee> gaps) implements Criterion {
        public String code() {
            return "GUARANTEE_GAP";
        }

        public boolean met() {
            return !gaps.isEmpty();
        }

        public String explanation() {
            return met() ? "“两不愁三保障”及饮水安全存在缺项：" + gaps.stream().map(Guarantee::chineseName)
                    .collect(Collectors.joining("、")) : "“两不愁三保障”及饮水安全均有保障";
        }
    }

    /** Every criterion the evidence can be judged by, each rigid expenditure against its warning line. */
    public static List<Criterion> judge(BigDecimal income, Map<RigidExpenditure, BigDecimal> expenditures,
                                        List<Guarantee> gaps, PolicyThresholds policy) {
        List<Criterion> criteria = new ArrayList<>();
        criteria.add(new IncomeBelowMonitoringLine(income, policy.monitoringLine()));
        expenditures.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(expenditure -> {
            BigDecimal line = switch (expenditure.getKey()) {
                case MEDICAL -> policy.medicalExpenditureWarningLine();
                case EDUCATION -> policy.educationExpenditureWarningLine();
                case DISASTER -> policy.disasterLossWarningLine();
            };
            criteria.add(new ExpenditureAboveWarningLine(expenditure.getKey(), expenditure.getValue(), line));
        });
        criteria.add(new GuaranteeGap(gaps));
        return criteria;
    }
}
