package org.fangpin.timeline.process;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyCorrected;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.WarningLevel;

/**
 * The entries of a change of policy: which region and year, each threshold that changed, old → new (for a first
 * setting, every value set), and the reason given. An inspector reads from the entry alone what a decision of that
 * year and region was judged by.
 */
final class PolicySummaries {

    /** One threshold as an entry names it and writes its value. */
    private record Threshold(String name, Function<PolicyThresholds, String> value) {
    }

    private static final List<Threshold> THRESHOLDS = List.of(
            new Threshold("监测收入标准", p -> yuan(p.monitoringLine())),
            new Threshold("医疗自付费用预警线", p -> yuan(p.medicalExpenditureWarningLine())),
            new Threshold("灾害损失预警线", p -> yuan(p.disasterLossWarningLine())),
            new Threshold("教育支出预警线", p -> yuan(p.educationExpenditureWarningLine())),
            new Threshold("入户核实时限", p -> p.verificationDueWorkingDays() + "个工作日"),
            new Threshold("识别认定时限", p -> p.identificationDueDays() + "天"),
            new Threshold("村级公示天数", p -> p.publicNoticeDays() + "天"),
            new Threshold("月度监测录入截止日", p -> "每月" + p.monthlyMonitoringDueDay() + "日"),
            new Threshold("收入稳定超过监测收入标准的月数", p -> p.stableIncomeMonths() + "个月"),
            new Threshold("风险消除前纳入监测时间", p -> p.minimumMonitoredMonths() + "个月"),
            new Threshold("预警响应时限", p -> p.warningResponseDays() + "天"),
            new Threshold("渐退期", p -> p.gradualExitMonths() + "个月"),
            new Threshold("无需说明的补录天数", p -> p.backdatingDaysWithoutNote() == null ? null
                    : p.backdatingDaysWithoutNote() + "天"));

    private PolicySummaries() {
    }

    /** 政策参数设定 (a first setting, or one recorded before the previous values were kept) or 政策参数调整. */
    static String changed(PolicyChanged event) {
        if (event.previous() == null) {
            return "政策参数设定（" + where(event.regionCode(), event.year()) + "）：" + String.join("；",
                    values(event.thresholds())) + "。理由：" + event.reason();
        }
        return "政策参数调整（" + where(event.regionCode(), event.year()) + "）："
                + changes(event.previous(), event.thresholds()) + "。理由：" + event.reason();
    }

    /** 政策参数更正: thresholds decisions may already have used, corrected with the reason stated. */
    static String corrected(PolicyCorrected event) {
        return "政策参数更正（" + where(event.regionCode(), event.year()) + "）："
                + changes(event.previous(), event.thresholds()) + "。更正理由：" + event.reason();
    }

    /** The region and the year written apart: 全国 for the national baseline, else the division code. */
    private static String where(String regionCode, int year) {
        return (regionCode.isEmpty() ? "全国" : "区划" + regionCode) + "，" + year + "年";
    }

    private static List<String> values(PolicyThresholds policy) {
        List<String> values = new ArrayList<>();
        for (Threshold threshold : THRESHOLDS) {
            String value = threshold.value().apply(policy);
            if (value != null) {
                values.add(threshold.name() + value);
            }
        }
        policy.publicNoticeDaysByObjectType().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(days -> values.add(noticeDaysOf(days.getKey()) + days.getValue() + "天"));
        policy.warningGrades().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(grade -> values.add(gradeOf(grade.getKey()) + grade.getValue().chineseName()));
        return values;
    }

    private static String changes(PolicyThresholds before, PolicyThresholds after) {
        List<String> changes = new ArrayList<>();
        for (Threshold threshold : THRESHOLDS) {
            change(changes, threshold.name(), threshold.value().apply(before), threshold.value().apply(after));
        }
        for (ObjectType type : new TreeSet<>(union(before.publicNoticeDaysByObjectType(),
                after.publicNoticeDaysByObjectType()))) {
            change(changes, noticeDaysOf(type), days(before.publicNoticeDaysByObjectType().get(type)),
                    days(after.publicNoticeDaysByObjectType().get(type)));
        }
        for (String rule : new TreeSet<>(union(before.warningGrades(), after.warningGrades()))) {
            change(changes, gradeOf(rule), level(before.warningGrades().get(rule)),
                    level(after.warningGrades().get(rule)));
        }
        return changes.isEmpty() ? "各项参数未变" : String.join("；", changes);
    }

    private static void change(List<String> changes, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(name + (before == null ? "未设定" : before) + "→" + (after == null ? "未设定" : after));
        }
    }

    private static <K> List<K> union(Map<K, ?> before, Map<K, ?> after) {
        List<K> keys = new ArrayList<>(before.keySet());
        keys.addAll(after.keySet());
        return keys;
    }

    private static String noticeDaysOf(ObjectType type) {
        return type.chineseName() + "公示天数";
    }

    private static String gradeOf(String rule) {
        return "预警规则" + rule + "等级";
    }

    private static String days(Integer days) {
        return days == null ? null : days + "天";
    }

    /** A rule the policy does not grade keeps the work plans' grading (基准等级). */
    private static String level(WarningLevel level) {
        return level == null ? "基准等级" : level.chineseName();
    }

    private static String yuan(BigDecimal amount) {
        return amount.toPlainString() + "元";
    }
}
