package org.fangpin.timeline.process;

import java.util.List;
import java.util.stream.Collectors;

import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.assistance.AssistanceCaseOpened;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.HouseholdVerified;
import org.fangpin.contracts.identification.LeadReported;
import org.fangpin.contracts.monitoring.MonitoringStarted;
import org.fangpin.contracts.value.RiskType;

/**
 * The one-line Chinese summary a supervisor reads for each step. It never repeats ID numbers, phone numbers or
 * health details: those stay in the registry, behind its access rules.
 */
final class TimelineSummaries {

    private TimelineSummaries() {
    }

    static String summarize(PublishedEvent event, String type) {
        if (event instanceof HouseholdRegistered e) {
            return "户登记：户主" + e.headName() + "，家庭人口" + e.memberCount() + "人，" + e.category().chineseName();
        }
        if (event instanceof LeadReported e) {
            return "线索上报（" + e.channel().chineseName() + "）";
        }
        if (event instanceof HouseholdVerified e) {
            return "入户核实：家庭人均纯收入" + e.perCapitaNetIncome().toPlainString() + "元，"
                    + e.labourCapacity().chineseName() + "，采集人" + e.collector()
                    + (e.householdConfirmed() ? "，农户已签字确认" : "");
        }
        if (event instanceof HouseholdIdentified e) {
            return "县级审定：认定为" + e.objectType().chineseName() + "（" + risks(e.riskTypes()) + "），监测收入标准"
                    + e.monitoringLine().toPlainString() + "元";
        }
        if (event instanceof MonitoringStarted e) {
            return "纳入动态监测（" + e.objectType().chineseName() + "）";
        }
        if (event instanceof AssistanceCaseOpened e) {
            return "建立帮扶案例（一户一策），风险类型：" + risks(e.riskTypes());
        }
        return "事件 " + type;
    }

    private static String risks(List<RiskType> risks) {
        return risks.stream().map(RiskType::chineseName).collect(Collectors.joining("、"));
    }
}
