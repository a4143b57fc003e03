package org.fangpin.identification.process;


import org.fangpin.platform.imports.ImportColumn;

/**
 * The layout of the county's existing register as a file (platform {@code ImportTable} reads it): its header names
 * the columns (as the national monitoring system's exports name them, or the English names of docs/decisions/0035),
 * each later line one household, or one person of a household.
 */
final class ImportFile {

    /** The columns, by their English name, with the names the national system's exports and spreadsheets use. */
    enum Column implements ImportColumn {
        REGION_CODE("regionCode", true, "行政区划代码", "村级区划代码", "区划代码"),
        VILLAGE_GROUP("villageGroup", false, "村民小组", "组"),
        HEAD_NAME("headName", true, "户主姓名"),
        HEAD_ID_NUMBER("headIdNumber", true, "户主证件号码", "户主身份证号"),
        MEMBER_COUNT("memberCount", true, "家庭人口数", "人数"),
        CATEGORY("category", true, "户类型", "农户类型"),
        LABOUR_CAPACITY("labourCapacity", false, "劳动能力", "户主劳动能力", "劳动技能"),
        OBJECT_TYPE("objectType", false, "监测对象类别", "监测对象类型"),
        RISK_TYPES("riskTypes", false, "风险类型", "致贫返贫风险"),
        IDENTIFIED_ON("identifiedOn", false, "识别监测时间", "识别时间"),
        PER_CAPITA_NET_INCOME("perCapitaNetIncome", false, "人均纯收入", "家庭人均纯收入"),
        // One person a row, as the national system exports household members: the head's row (与户主关系 户主 or
        // empty) carries the household, each other member's row names its head by 户主证件号码.
        RELATION("relation", false, "与户主关系"),
        MEMBER_NAME("memberName", false, "成员姓名", "姓名"),
        MEMBER_ID_NUMBER("memberIdNumber", false, "成员证件号码", "证件号码", "身份证号码"),
        BIRTH_DATE("birthDate", false, "出生日期"),
        HEALTH("health", false, "健康状况"),
        SCHOOLING("schooling", false, "在校生状况", "在校生情况"),
        EMPLOYMENT("employment", false, "务工状况", "务工情况");

        private final Names names;

        Column(String english, boolean required, String... chinese) {
            this.names = new Names(english, required, chinese);
        }

        @Override
        public Names names() {
            return names;
        }
    }


    private ImportFile() {
    }
}
