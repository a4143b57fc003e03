import { createContext, useCallback, useContext } from 'react';

export type Language = 'zh' | 'en';

/** The console speaks Chinese; English is one switch away. Every text is written as t('中文', 'English'). */
export const LanguageContext = createContext<{ language: Language; setLanguage: (language: Language) => void }>({
  language: 'zh',
  setLanguage: () => undefined,
});

export type Translate = (zh: string, en: string) => string;

export function useT(): Translate {
  const { language } = useContext(LanguageContext);
  return useCallback((zh, en) => (language === 'zh' ? zh : en), [language]);
}

/** The names of the API's codes (GLOSSARY.md), in both languages. */
const LABELS: Record<string, Record<string, [string, string]>> = {
  role: {
    VILLAGE_OFFICER: ['村级信息员', 'Village officer'],
    TOWNSHIP_REVIEWER: ['乡镇审核人员', 'Township reviewer'],
    COUNTY_APPROVER: ['县级审定人员', 'County approver'],
    DEPARTMENT_OFFICER: ['行业部门', 'Department officer'],
    SUPERVISOR: ['督查', 'Supervisor'],
    INSPECTOR: ['考核评估', 'Inspector'],
    ADMIN: ['系统管理员', 'Administrator'],
    SYSTEM: ['系统自动', 'System'],
  },
  step: {
    LEAD_REPORTED: ['线索上报', 'Lead reported'], LEAD_MERGED: ['线索合并', 'Lead merged'],
    REIDENTIFICATION_OPENED: ['风险再标注', 'Re-identification opened'], VERIFIED: ['入户核实', 'Verified'],
    VILLAGE_EVALUATED: ['村级评议公示', 'Village evaluation'], OBJECTION_RECORDED: ['公示异议', 'Objection'],
    TOWNSHIP_APPROVED: ['乡镇审核通过', 'Township approved'], TOWNSHIP_RETURNED: ['乡镇退回', 'Township returned'],
    COUNTY_RETURNED: ['县级退回', 'County returned'], IDENTIFIED: ['县级认定', 'Identified'], REJECTED: ['不予认定', 'Rejected'],
  },
  criterion: {
    INCOME_BELOW_MONITORING_LINE: ['收入低于监测收入标准', 'Income below the monitoring line'],
    MEDICAL_EXPENDITURE_ABOVE_WARNING_LINE: ['医疗自付超过预警线', 'Medical self-pay above the warning line'],
    EDUCATION_EXPENDITURE_ABOVE_WARNING_LINE: ['教育支出超过预警线', 'Schooling above the warning line'],
    DISASTER_EXPENDITURE_ABOVE_WARNING_LINE: ['因灾损失超过预警线', 'Disaster loss above the warning line'],
    GUARANTEE_GAP: ['两不愁三保障及饮水安全缺口', 'Guarantee gap'],
  },
  series: {
    identifications: ['识别认定', 'Identifications'], eliminations: ['风险消除', 'Eliminations'], rollbacks: ['风险回退', 'Rollbacks'],
    identificationsOverdue: ['识别逾期', 'Identifications overdue'], monitoringMissed: ['漏测', 'Monthly records missed'],
    measuresOverdue: ['措施逾期', 'Measures overdue'], warningResponsesOverdue: ['预警响应逾期', 'Warning responses overdue'],
  },
  category: { POVERTY_ALLEVIATED: ['脱贫户', 'Poverty alleviated'], GENERAL: ['一般农户', 'General household'] },
  categoryFlag: {
    MINIMUM_LIVING_ALLOWANCE: ['低保户', 'Minimum living allowance'],
    EXTREME_HARDSHIP_SUPPORT: ['特困供养', 'Extreme hardship support'],
    RELOCATED: ['易地扶贫搬迁户', 'Relocated'],
  },
  relation: {
    HEAD: ['户主', 'Head'], SPOUSE: ['配偶', 'Spouse'], CHILD: ['子女', 'Child'], PARENT: ['父母', 'Parent'],
    GRANDCHILD: ['孙子女', 'Grandchild'], SIBLING: ['兄弟姐妹', 'Sibling'], OTHER: ['其他', 'Other'],
  },
  labourCapacity: {
    FULL: ['有劳动能力', 'Able to work'], PARTIAL: ['弱劳动力或半劳动力', 'Partly able'],
    NONE: ['无劳动能力', 'Unable to work'],
  },
  health: {
    HEALTHY: ['健康', 'Healthy'], CHRONIC_ILLNESS: ['长期慢性病', 'Chronic illness'],
    SERIOUS_ILLNESS: ['患大病', 'Serious illness'], DISABLED: ['残疾', 'Disabled'],
  },
  channel: {
    SELF_REPORT: ['农户自主申报', 'Self report'], CADRE_VISIT: ['乡村干部走访排查', 'Cadre visit'],
    DEPARTMENT_SCREENING: ['行业部门筛查预警', 'Department screening'], DATA_COMPARISON: ['数据比对', 'Data comparison'],
  },
  stage: {
    REPORTED: ['待入户核实', 'Awaiting verification'], VERIFIED: ['待村级评议', 'Awaiting village evaluation'],
    PUBLIC_NOTICE: ['公示中，待乡镇审核', 'On notice, awaiting township'],
    TOWNSHIP_APPROVED: ['待县级审定', 'Awaiting county decision'],
    RETURNED_TO_VILLAGE: ['乡镇退回', 'Returned to village'], IDENTIFIED: ['已认定', 'Identified'],
    REJECTED: ['不予认定', 'Rejected'],
  },
  objectType: {
    UNSTABLE_ALLEVIATED: ['脱贫不稳定户', 'Unstable alleviated'], MARGINAL_VULNERABLE: ['边缘易致贫户', 'Marginal vulnerable'],
    SUDDEN_HARDSHIP: ['突发严重困难户', 'Sudden hardship'], MINIMUM_LIVING_ALLOWANCE: ['低保对象', 'Minimum living allowance'],
    EXTREME_HARDSHIP_SUPPORT: ['特困人员', 'Extreme hardship'], MARGINAL_LOW_INCOME: ['低保边缘家庭', 'Marginal low income'],
    EXPENDITURE_HARDSHIP: ['支出型困难家庭', 'Expenditure hardship'],
  },
  riskType: {
    ILLNESS: ['因病', 'Illness'], DISABILITY: ['因残', 'Disability'], EDUCATION: ['因学', 'Education'],
    DISASTER: ['因灾', 'Disaster'], ACCIDENT: ['因意外事故', 'Accident'], INDUSTRY_FAILURE: ['因产业失败', 'Industry failure'],
    UNSTABLE_EMPLOYMENT: ['因务工就业不稳', 'Unstable employment'], OTHER: ['其他', 'Other'],
  },
  guarantee: {
    FOOD: ['不愁吃', 'Food'], CLOTHING: ['不愁穿', 'Clothing'], HOUSING_SAFETY: ['住房安全', 'Housing safety'],
    COMPULSORY_EDUCATION: ['义务教育', 'Compulsory education'], BASIC_MEDICAL: ['基本医疗', 'Basic medical'],
    DRINKING_WATER: ['饮水安全', 'Drinking water'],
  },
  rigidExpenditure: {
    MEDICAL: ['因病自付医疗费用', 'Medical self-pay'], EDUCATION: ['因学支出', 'Schooling'], DISASTER: ['因灾损失', 'Disaster loss'],
  },
  measureType: {
    INDUSTRY: ['产业帮扶', 'Industry'], EMPLOYMENT: ['就业帮扶', 'Employment'], PUBLIC_WELFARE_JOB: ['公益岗位', 'Public welfare job'],
    SAFETY_NET: ['兜底保障（低保/特困）', 'Safety net'], MEDICAL_AID: ['医疗救助', 'Medical aid'], EDUCATION_AID: ['教育资助', 'Education aid'],
    HOUSING_SAFETY: ['住房安全', 'Housing safety'], DRINKING_WATER: ['饮水安全', 'Drinking water'], TEMPORARY_RELIEF: ['临时救助', 'Temporary relief'],
    SOCIAL_ASSISTANCE: ['社会帮扶', 'Social assistance'], ANTI_POVERTY_INSURANCE: ['防贫保险', 'Anti-poverty insurance'],
    MICROCREDIT: ['小额信贷', 'Microcredit'], MOTIVATION_AND_SKILLS: ['扶志扶智', 'Motivation and skills'],
  },
  measureStatus: {
    PLANNED: ['已制定', 'Planned'], IN_PROGRESS: ['落实中', 'In progress'], COMPLETED: ['已完成', 'Completed'],
    GRADUAL_EXIT: ['渐退期', 'Gradual exit'], ENDED: ['已终止', 'Ended'],
  },
  batchStatus: {
    RECEIVING: ['接收中', 'Receiving'], SCREENING: ['筛查中', 'Screening'], PUBLISHING: ['生成预警和线索中', 'Raising warnings and leads'],
    COMPLETED: ['已完成', 'Completed'], FAILED: ['失败', 'Failed'], DUPLICATE: ['重复上传', 'Duplicate'],
  },
  contactMethod: { HOME_VISIT: ['入户走访', 'Home visit'], PHONE: ['电话回访', 'Phone call'] },
  department: {
    MEDICAL_INSURANCE: ['医保局', 'Medical insurance'], CIVIL_AFFAIRS: ['民政局', 'Civil affairs'],
    DISABLED_PERSONS_FEDERATION: ['残联', 'Disabled persons federation'], EDUCATION: ['教育局', 'Education'],
    HOUSING: ['住建局', 'Housing'], WATER_RESOURCES: ['水利局', 'Water resources'],
    EMERGENCY_MANAGEMENT: ['应急管理局', 'Emergency management'], HUMAN_RESOURCES: ['人社局', 'Human resources'],
  },
  status: {
    NOT_MONITORED: ['未纳入监测', 'Not monitored'], UNDER_IDENTIFICATION: ['识别中', 'Under identification'],
    RISK_NOT_ELIMINATED: ['风险未消除', 'Risk not eliminated'], RISK_ELIMINATED: ['风险已消除', 'Risk eliminated'],
    MONITORING_CLOSED: ['终止监测', 'Monitoring closed'],
  },
  closureReason: {
    STABLE_AFTER_LOOK_BACK: ['回头看后稳定，不再监测', 'Stable after look-back'],
    HOUSEHOLD_DISSOLVED: ['整户消亡', 'Household dissolved'], MOVED_AWAY: ['整户迁出', 'Moved away'],
  },
  kind: {
    identification: ['识别', 'Identification'], monitoring: ['监测', 'Monitoring'], assistance: ['帮扶', 'Assistance'],
  },
  /** The fields of events (contracts), as a step's data shows them; a field not named here shows its own name. */
  field: {
    householdId: ['户编号', 'Household'], regionCode: ['区划代码', 'Region code'], memberId: ['成员编号', 'Member'],
    headName: ['户主姓名', 'Head of household'], headIdNumber: ['户主身份证号', 'Head\'s ID number'],
    name: ['姓名', 'Name'], idNumber: ['身份证号', 'ID number'], relation: ['与户主关系', 'Relation'],
    birthDate: ['出生日期', 'Birth date'], health: ['健康状况', 'Health'], labourCapacity: ['劳动能力', 'Labour capacity'],
    schooling: ['在校情况', 'Schooling'], employment: ['务工就业情况', 'Employment'], category: ['农户类别', 'Category'],
    memberCount: ['家庭人口', 'Members'], objectType: ['监测对象类型', 'Object type'], riskTypes: ['风险类型', 'Risk types'],
    leadId: ['线索编号', 'Lead'], channel: ['发现渠道', 'Channel'], description: ['情况说明', 'Description'],
    perCapitaIncome: ['家庭人均纯收入（元）', 'Income per head (yuan)'], monitoringLine: ['监测收入标准（元）', 'Monitoring line (yuan)'],
    identifiedOn: ['认定日期', 'Identified on'], level: ['预警等级', 'Warning level'], rule: ['预警规则', 'Rule'],
    observedValue: ['观测值', 'Observed value'], threshold: ['阈值', 'Threshold'], reason: ['原因', 'Reason'],
    measureType: ['措施类型', 'Measure type'], department: ['责任部门', 'Department'], deadline: ['办结期限', 'Deadline'],
    changedOn: ['变动日期', 'Changed on'], change: ['变动原因', 'Change'],
  },
};

/** Whether the console names the codes of this group (a field whose values are such codes is shown by name). */
export function isLabelGroup(name: string): name is LabelGroup {
  return name !== 'field' && Object.hasOwn(LABELS, name);
}

export type LabelGroup = keyof typeof LABELS;

/** The name of a code in the current language; an unknown code is shown as it is, never hidden. */
export function useLabel(): (group: LabelGroup, code: string | null | undefined) => string {
  const { language } = useContext(LanguageContext);
  return useCallback((group: LabelGroup, code: string | null | undefined) => {
    if (!code) return '';
    const label = LABELS[group]?.[code];
    return label ? label[language === 'zh' ? 0 : 1] : code;
  }, [language]);
}

/** The codes of a group with their names, for selects. */
export function useOptions(): (group: LabelGroup) => { value: string; label: string }[] {
  const label = useLabel();
  return (group) => Object.keys(LABELS[group]).map((value) => ({ value, label: label(group, value) }));
}
