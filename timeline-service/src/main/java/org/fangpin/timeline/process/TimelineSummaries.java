package org.fangpin.timeline.process;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.assistance.AssistanceCaseClosed;
import org.fangpin.contracts.assistance.AssistanceCaseOpened;
import org.fangpin.contracts.assistance.DevelopmentalAssistanceConfirmed;
import org.fangpin.contracts.assistance.DevelopmentalAssistanceVillageConfirmed;
import org.fangpin.contracts.assistance.GradualExitCompleted;
import org.fangpin.contracts.assistance.GradualExitStarted;
import org.fangpin.contracts.assistance.MeasureAdded;
import org.fangpin.contracts.assistance.MeasureOverdue;
import org.fangpin.contracts.assistance.MeasureUpdated;
import org.fangpin.contracts.assistance.NewRiskReported;
import org.fangpin.contracts.assistance.RiskEliminated;
import org.fangpin.contracts.assistance.RiskEliminationProposed;
import org.fangpin.contracts.assistance.RiskEliminationReturned;
import org.fangpin.contracts.assistance.RiskEliminationVerified;
import org.fangpin.contracts.assistance.RiskRollbackProposed;
import org.fangpin.contracts.assistance.RiskRollbackReturned;
import org.fangpin.contracts.assistance.RiskRollbackVerified;
import org.fangpin.contracts.assistance.RiskRolledBack;
import org.fangpin.contracts.assistance.SafetyNetHouseholdDesignated;
import org.fangpin.contracts.assistance.SafetyNetHouseholdProposed;
import org.fangpin.contracts.assistance.WarningResponded;
import org.fangpin.contracts.assistance.WarningResponseOverdue;
import org.fangpin.contracts.identification.CountyReturned;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.HouseholdReidentified;
import org.fangpin.contracts.identification.HouseholdVerified;
import org.fangpin.contracts.identification.IdentificationOverdue;
import org.fangpin.contracts.identification.IdentificationRejected;
import org.fangpin.contracts.identification.LeadMerged;
import org.fangpin.contracts.identification.LeadReported;
import org.fangpin.contracts.identification.MemberAdded;
import org.fangpin.contracts.identification.MemberRemoved;
import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyCorrected;
import org.fangpin.contracts.identification.PublicNoticeObjectionRecorded;
import org.fangpin.contracts.identification.ReidentificationOpened;
import org.fangpin.contracts.identification.TownshipApproved;
import org.fangpin.contracts.identification.TownshipReturned;
import org.fangpin.contracts.identification.VillageEvaluationRecorded;
import org.fangpin.contracts.monitoring.AreaHazardDeclared;
import org.fangpin.contracts.monitoring.ColourGradeChanged;
import org.fangpin.contracts.monitoring.DepartmentLeadRaised;
import org.fangpin.contracts.monitoring.ImmediateVisitRequested;
import org.fangpin.contracts.monitoring.LookBackMonitoringStarted;
import org.fangpin.contracts.monitoring.MonitoringClosed;
import org.fangpin.contracts.monitoring.MonitoringStarted;
import org.fangpin.contracts.monitoring.MonthlyMonitoringMissed;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.contracts.monitoring.RegularMonitoringResumed;
import org.fangpin.contracts.monitoring.WarningCleared;
import org.fangpin.contracts.monitoring.WarningLevelChanged;
import org.fangpin.contracts.monitoring.WarningRaised;
import org.fangpin.contracts.value.Department;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.RiskType;

/**
 * The one-line Chinese summary a supervisor reads for each step. It never repeats ID numbers, phone numbers, bank
 * accounts or health details (illness, disability, medical costs, the recorder's free-text notes on a household's
 * situation): those stay in the owning service, behind its access rules.
 */
final class TimelineSummaries {

    private static final Map<String, String> MEMBER_CHANGES = Map.of(
            "REGISTRATION", "户登记", "BIRTH", "出生", "MARRIAGE", "婚嫁", "MOVED_IN", "迁入",
            "DEATH", "去世", "MOVED_OUT", "迁出");
    private static final Map<String, String> DEADLINES = Map.of("VERIFICATION", "入户核实", "DECISION", "识别认定");

    private TimelineSummaries() {
    }

    static String summarize(PublishedEvent event, String type) {
        String summary = identification(event);
        if (summary == null) {
            summary = monitoring(event);
        }
        if (summary == null) {
            summary = assistance(event);
        }
        return summary != null ? summary : unknown(type);
    }

    /** An event of a contract newer than this reader: recorded and shown, never dropped. */
    static String unknown(String type) {
        return "其他事件（" + type + "）";
    }

    private static String identification(PublishedEvent event) {
        if (event instanceof HouseholdRegistered e) {
            return "户登记：户主" + e.headName() + "，家庭人口" + e.memberCount() + "人，" + e.category().chineseName();
        }
        if (event instanceof MemberAdded e) {
            return "家庭成员增加：" + e.name() + "（" + e.relation().chineseName() + "，" + change(e.change()) + "）";
        }
        if (event instanceof MemberRemoved e) {
            return "家庭成员减少（" + change(e.change()) + "）";
        }
        if (event instanceof LeadReported e) {
            return "线索上报（" + e.channel().chineseName() + "）" + due(e.decisionDueOn(), "，识别认定时限");
        }
        if (event instanceof LeadMerged e) {
            return "线索合并至在办识别（" + e.channel().chineseName() + "）";
        }
        if (event instanceof ReidentificationOpened e) {
            return "风险再标注：发现新风险（" + risks(e.riskTypes()) + "），启动重新识别";
        }
        if (event instanceof HouseholdVerified e) {
            return "入户核实：家庭人均纯收入" + e.perCapitaNetIncome().toPlainString() + "元，"
                    + e.labourCapacity().chineseName() + "，采集人" + e.collector()
                    + (e.householdConfirmed() ? "，农户已签字确认" : "");
        }
        if (event instanceof VillageEvaluationRecorded e) {
            return "村级评议公示：公示期" + e.noticeFrom() + "至" + e.noticeUntil();
        }
        if (event instanceof PublicNoticeObjectionRecorded) {
            return "公示期间收到异议，村级已记录处理情况";
        }
        if (event instanceof TownshipApproved) {
            return "乡镇审核通过，报县级审定";
        }
        if (event instanceof TownshipReturned e) {
            return "乡镇审核退回村级：" + e.reason();
        }
        if (event instanceof CountyReturned e) {
            return "县级退回乡镇复审：" + e.reason();
        }
        if (event instanceof HouseholdIdentified e) {
            return "县级审定：认定为" + e.objectType().chineseName() + "（" + risks(e.riskTypes()) + "），监测收入标准"
                    + e.monitoringLine().toPlainString() + "元";
        }
        if (event instanceof HouseholdReidentified e) {
            return "县级审定：风险再标注，认定为" + e.objectType().chineseName() + "（" + risks(e.riskTypes()) + "）";
        }
        if (event instanceof IdentificationRejected e) {
            return "县级审定：不予认定（研判结果：" + e.judgement() + "）";
        }
        if (event instanceof IdentificationOverdue e) {
            return DEADLINES.getOrDefault(e.deadline(), e.deadline()) + "逾期（应于" + e.dueOn() + "前完成）";
        }
        if (event instanceof PolicyChanged e) {
            return PolicySummaries.changed(e);
        }
        if (event instanceof PolicyCorrected e) {
            return PolicySummaries.corrected(e);
        }
        return null;
    }

    private static String monitoring(PublishedEvent event) {
        if (event instanceof MonitoringStarted e) {
            return "纳入动态监测（" + e.objectType().chineseName() + "）";
        }
        if (event instanceof MonthlyMonitoringRecorded e) {
            return month(e.month()) + "动态监测" + (e.correction() ? "（更正）" : "")
                    + (e.contactMethod() != null ? "，" + e.contactMethod().chineseName() : "")
                    + (e.perCapitaNetIncome() != null
                    ? "：家庭人均纯收入" + e.perCapitaNetIncome().toPlainString() + "元" : "")
                    + (e.guaranteeGaps() == null || e.guaranteeGaps().isEmpty() ? "，两不愁三保障及饮水安全均有保障"
                    : "，未保障：" + e.guaranteeGaps().stream().map(Guarantee::chineseName)
                    .collect(Collectors.joining("、")))
                    + (e.employmentUnstable() ? "，务工就业不稳" : "")
                    + (e.emergency() != null ? "，遇突发事件" : "");
        }
        if (event instanceof MonthlyMonitoringMissed e) {
            return month(e.month()) + "动态监测未按时录入（每月" + e.dueDay() + "日前）";
        }
        if (event instanceof WarningRaised e) {
            return "发出" + e.level().chineseName() + "预警：" + e.reason();
        }
        if (event instanceof WarningLevelChanged e) {
            return "预警等级由" + e.from().chineseName() + "调整为" + e.to().chineseName();
        }
        if (event instanceof WarningCleared e) {
            return "预警解除：" + e.reason();
        }
        if (event instanceof DepartmentLeadRaised e) {
            return "行业部门筛查预警线索（" + department(e.department()) + "）";
        }
        if (event instanceof ColourGradeChanged e) {
            return "三色管理：" + (e.from() == null ? "评定为" : "由" + e.from().chineseName() + "调整为")
                    + e.to().chineseName();
        }
        if (event instanceof LookBackMonitoringStarted) {
            return "风险已消除，转入回头看监测";
        }
        if (event instanceof RegularMonitoringResumed) {
            return "风险消除回退，恢复常规监测";
        }
        if (event instanceof MonitoringClosed e) {
            return "县级终止监测（" + e.reason().chineseName() + "）：" + e.judgement();
        }
        if (event instanceof AreaHazardDeclared e) {
            return "区域性风险：" + e.hazardType().chineseName() + "，涉及" + e.villages().size() + "个村";
        }
        if (event instanceof ImmediateVisitRequested e) {
            return "因" + e.hazardType().chineseName() + "需立即入户走访";
        }
        return null;
    }

    private static String assistance(PublishedEvent event) {
        if (event instanceof AssistanceCaseOpened e) {
            return "建立帮扶案例（一户一策），风险类型：" + risks(e.riskTypes());
        }
        if (event instanceof MeasureAdded e) {
            return "制定帮扶措施：" + e.measureType().chineseName() + "，责任单位" + e.department()
                    + due(e.dueDate(), "，限时办结");
        }
        if (event instanceof MeasureUpdated e) {
            return "帮扶措施进展" + (e.status() != null ? "：" + e.status().chineseName() : "")
                    + due(e.dueDate(), "，办结时限调整为");
        }
        if (event instanceof MeasureOverdue e) {
            return "帮扶措施逾期：" + e.measureType().chineseName() + "（" + e.department() + "，应于" + e.dueDate()
                    + "前办结）";
        }
        if (event instanceof GradualExitStarted e) {
            return "兜底保障措施进入渐退期，至" + e.endsOn();
        }
        if (event instanceof GradualExitCompleted) {
            return "渐退期满，兜底保障措施终止";
        }
        if (event instanceof WarningResponded e) {
            return "响应预警：" + (e.measureId() != null ? "制定或调整帮扶措施" : "无需新增措施（" + e.reason() + "）");
        }
        if (event instanceof WarningResponseOverdue e) {
            return e.level().chineseName() + "预警未按时响应（应于" + e.dueOn() + "前响应）";
        }
        if (event instanceof DevelopmentalAssistanceVillageConfirmed e) {
            return "开发式帮扶村级确认（" + e.measureIds().size() + "项措施）";
        }
        if (event instanceof DevelopmentalAssistanceConfirmed) {
            return "已实施开发式帮扶（村、乡镇两级确认）";
        }
        if (event instanceof SafetyNetHouseholdProposed) {
            return "村级认定整户无劳动能力，申请兜底保障";
        }
        if (event instanceof SafetyNetHouseholdDesignated) {
            return "认定为整户无劳动能力兜底保障户";
        }
        if (event instanceof RiskEliminationProposed) {
            return "村级申请风险消除";
        }
        if (event instanceof RiskEliminationVerified) {
            return "乡镇核实风险消除申请，报县级审定";
        }
        if (event instanceof RiskEliminationReturned e) {
            return e.returnedBy().chineseName() + "退回风险消除申请：" + e.reason();
        }
        if (event instanceof RiskEliminated e) {
            return "县级审定风险消除（" + risks(e.eliminatedRiskTypes()) + "）";
        }
        if (event instanceof RiskRollbackProposed e) {
            return "回头看发现风险不稳定，申请风险消除回退：" + e.reason();
        }
        if (event instanceof RiskRollbackVerified) {
            return "乡镇审核同意风险消除回退，报县级审定";
        }
        if (event instanceof RiskRollbackReturned e) {
            return e.returnedBy().chineseName() + "退回风险消除回退申请：" + e.reason();
        }
        if (event instanceof RiskRolledBack e) {
            return "县级审定风险消除回退：" + e.reason();
        }
        if (event instanceof NewRiskReported e) {
            return "发现新风险（" + risks(e.riskTypes()) + "），转风险再标注识别";
        }
        if (event instanceof AssistanceCaseClosed e) {
            return "县级终止监测（" + e.reason().chineseName() + "），帮扶案例关闭，未办结的帮扶措施不再计逾期";
        }
        return null;
    }

    private static String risks(List<RiskType> risks) {
        return risks == null || risks.isEmpty() ? "未注明"
                : risks.stream().map(RiskType::chineseName).collect(Collectors.joining("、"));
    }

    private static String change(String change) {
        return MEMBER_CHANGES.getOrDefault(change, change);
    }

    private static String department(String code) {
        return Arrays.stream(Department.values()).filter(d -> d.name().equals(code)).findFirst()
                .map(Department::chineseName).orElse(code);
    }

    private static String month(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    private static String due(LocalDate date, String label) {
        return date == null ? "" : label + date;
    }
}
