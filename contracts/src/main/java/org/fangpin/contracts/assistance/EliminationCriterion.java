package org.fangpin.contracts.assistance;

/** 风险消除条件 — one criterion a household must meet before its risk is eliminated. */
public enum EliminationCriterion {
    INCOME_STABLY_ABOVE_LINE("家庭人均纯收入连续稳定超过监测收入标准的月数不足",
            "per-capita income has not been above the monitoring line for enough consecutive months"),
    MONITORED_LONG_ENOUGH("纳入监测时间不足", "not monitored for long enough"),
    MEASURE_CARRIED_OUT("尚未落实任何帮扶措施", "no assistance measure has been carried out"),
    /** Judged once a measure is carried out: planning and starting are not yet assistance delivered. */
    MEASURE_COMPLETED("尚无已完成并记录帮扶成效的措施（落实中的措施不计）",
            "no measure has been completed with its outcome recorded (a measure still in progress does not count)"),
    GUARANTEES_SECURE("“两不愁三保障”及饮水安全尚未全部保障", "the six guarantees are not all secure"),
    NO_OPEN_WARNING("仍有未解除的预警", "a warning is still open"),
    RISKS_ADDRESSED("识别时的风险类型尚未全部落实针对性措施",
            "not every identified risk type has been addressed by a measure carried out"),
    HAS_LABOUR_CAPACITY("整户无劳动能力，应纳入兜底保障，不消除风险",
            "the household has no labour capacity: it belongs under the safety net, not elimination"),
    NOT_SAFETY_NET_HOUSEHOLD("已认定为整户无劳动能力兜底保障户，暂不消除风险",
            "designated a safety-net household: its risk stays un-eliminated"),
    DEVELOPMENTAL_ASSISTANCE_CONFIRMED("有劳动能力，尚未经村、乡镇两级确认“已实施开发式帮扶”",
            "the household can work but developmental assistance has not been confirmed by village and township");

    private final String chineseName;
    private final String englishName;

    EliminationCriterion(String chineseName, String englishName) {
        this.chineseName = chineseName;
        this.englishName = englishName;
    }

    /** How a refusal names the unmet criterion to a village cadre. */
    public String chineseName() {
        return chineseName;
    }

    public String englishName() {
        return englishName;
    }
}
