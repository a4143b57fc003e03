import { useState } from 'react';
import { Alert, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { GradeTag } from '../components/GradeTag';
import { OfflineForm } from '../components/OfflineForm';
import { Page } from '../components/Page';
import { day, notInFuture, required, yuanRule } from '../components/rules';
import { useOptions, useT } from '../i18n';

interface MonthRecorded { householdId: string; month: string; correction: boolean; warningLevel?: string; colourGrade?: string }

const EXPENDITURES = ['MEDICAL', 'EDUCATION', 'DISASTER'] as const;

/** 每月动态监测: one household's month, entered at the visit; kept on the device without signal. */
export default function MonthlyRecord() {
  const t = useT();
  const options = useOptions();
  const [params] = useSearchParams();
  const [form] = Form.useForm();
  const [recorded, setRecorded] = useState<MonthRecorded>();
  const contact = Form.useWatch('contactMethod', form);

  const body = (v: Record<string, unknown>) => {
    const spent = v.rigidExpenditures as Record<string, number | null> | undefined;
    return {
      month: (v.month as Dayjs).format('YYYY-MM'),
      perCapitaNetIncome: v.perCapitaNetIncome,
      contactMethod: v.contactMethod,
      noVisitReason: v.noVisitReason || undefined,
      guaranteeGaps: v.guaranteeGaps ?? [],
      rigidExpenditures: Object.fromEntries(Object.entries(spent ?? {}).filter(([, amount]) => amount !== null && amount !== undefined)),
      employmentUnstable: Boolean(v.employmentUnstable),
      emergency: v.emergency || undefined,
      recordedOn: day(v.recordedOn as Dayjs),
    };
  };

  return (
    <Page title={t('月度监测录入', 'Monthly monitoring record')}>
      {recorded && (
        <Alert type="success" showIcon role="status"
          title={<>{t(`${recorded.month} 监测已记录`, `${recorded.month} recorded`)}{recorded.correction && t('（更正）', ' (correction)')} <GradeTag grade={recorded.warningLevel} /> <GradeTag grade={recorded.colourGrade} /></>}
          action={<Link to={`/households/${recorded.householdId}`}>{t('查看户档案', 'Open household')}</Link>} />
      )}
      <Card>
        <OfflineForm<MonthRecorded> form={form} onSent={(answer) => { setRecorded(answer); form.resetFields(); }}
          path={(v) => `/api/monitoring/${encodeURIComponent(String(v.householdId))}/records`} body={body}
          label={(v) => t(`月度监测 ${(v.month as Dayjs).format('YYYY-MM')}：户 ${v.householdId}`, `Monthly record ${(v.month as Dayjs).format('YYYY-MM')}: household ${v.householdId}`)}
          initialValues={{ householdId: params.get('householdId') ?? undefined, month: dayjs(), contactMethod: 'HOME_VISIT', recordedOn: dayjs() }}
          codeFields={{ MONITORING_NOT_FOUND: ['householdId'], OUT_OF_JURISDICTION: ['householdId'] }}
          submitText={t('保存监测记录', 'Save record')}>
          <Row gutter={16}>
            <Col xs={24} md={8}><Form.Item name="householdId" label={t('户编号', 'Household')} rules={[required(t)]}><Input /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="month" label={t('监测月份', 'Month')} rules={[required(t), notInFuture(t)]}><DatePicker picker="month" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="perCapitaNetIncome" label={t('家庭人均纯收入（元/年）', 'Per-capita net income (yuan a year)')} rules={[required(t), yuanRule(t)]}><InputNumber min={0} step={100} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="contactMethod" label={t('监测方式', 'Contact')} rules={[required(t)]}><Select options={options('contactMethod')} /></Form.Item></Col>
            <Col xs={24} md={16}><Form.Item name="noVisitReason" label={t('未入户原因', 'Why no home visit')}
              rules={[{ required: contact === 'PHONE', message: t('电话回访须说明未入户原因', 'A phone call needs the reason') }, { max: 200 }]}><Input /></Form.Item></Col>
            <Col xs={24}><Form.Item name="guaranteeGaps" label={t('两不愁三保障及饮水安全：未保障的项目', 'Guarantees not secure')}><Select mode="multiple" allowClear options={options('guarantee')} /></Form.Item></Col>
            {EXPENDITURES.map((kind) => (
              <Col xs={24} md={8} key={kind}><Form.Item name={['rigidExpenditures', kind]} label={t(`${options('rigidExpenditure').find((o) => o.value === kind)?.label}（元，本年累计）`, `${kind} (yuan, year to date)`)} rules={[yuanRule(t)]}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
            ))}
            <Col xs={24} md={8}><Form.Item name="employmentUnstable" valuePropName="checked"><Checkbox>{t('务工就业不稳', 'Employment unstable')}</Checkbox></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="emergency" label={t('突发情况', 'Emergency')} rules={[{ max: 200 }]}><Input /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="recordedOn" label={t('走访日期', 'Visited on')} rules={[notInFuture(t)]}><DatePicker /></Form.Item></Col>
          </Row>
        </OfflineForm>
      </Card>
    </Page>
  );
}
