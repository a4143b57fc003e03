import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Segmented, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { query, write } from '../api';
import { formatTime } from '../components/Dates';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/Problems';
import { regionRule, required } from '../components/rules';
import type { EventPage, LogEntry } from '../components/types';
import { useLoad, usePaged } from '../components/useLoad';
import { useSubmit } from '../components/useSubmit';
import { useLabel, useT } from '../i18n';
import { useProfile } from '../profile';
import { hasRole } from '../session';

type Thresholds = Record<string, number>;
interface InForce { regionPrefix: string; year: number; thresholds: Thresholds; sourceRegionPrefix: string; sourceYear: number; changedAt?: string }

const FIELDS: [string, string, string, boolean][] = [
  ['monitoringLine', '监测收入标准（元/年）', 'Monitoring income line (yuan)', true],
  ['medicalExpenditureWarningLine', '医疗自付预警线（元）', 'Medical self-pay warning line', true],
  ['disasterLossWarningLine', '因灾损失预警线（元）', 'Disaster loss warning line', true],
  ['educationExpenditureWarningLine', '因学支出预警线（元）', 'Schooling warning line', true],
  ['verificationDueWorkingDays', '入户核实时限（工作日）', 'Verification due (working days)', false],
  ['identificationDueDays', '识别认定时限（天）', 'Identification due (days)', false],
  ['publicNoticeDays', '公示天数', 'Public notice days', false],
  ['monthlyMonitoringDueDay', '每月监测截止日', 'Monthly record due day', false],
  ['stableIncomeMonths', '收入稳定月数（风险消除）', 'Months of stable income', false],
  ['minimumMonitoredMonths', '最短监测月数', 'Minimum months monitored', false],
  ['warningResponseDays', '预警响应时限（天）', 'Warning response (days)', false],
  ['gradualExitMonths', '渐退期（月）', 'Gradual exit (months)', false],
];

/** 政策参数: the thresholds in force for a region and year, their change (county, admin) and the audited history. */
export default function Policy() {
  const t = useT();
  const label = useLabel();
  const profile = useProfile();
  const { message } = App.useApp();
  const [target, setTarget] = useState({ region: profile.region.slice(0, 6), year: dayjs().year() });
  const inForce = useLoad<InForce>(`/api/policy/${target.region}/${target.year}`);
  const [kind, setKind] = useState<'PolicyChanged' | 'PolicyCorrected'>('PolicyChanged');
  const history = usePaged<LogEntry, EventPage>(`/api/events${query({ type: `fangpin.identification.${kind}.v1`, size: 20 })}`, (p) => p.entries, (p) => p.nextCursor);
  const [form] = Form.useForm();
  const { submit, error, busy } = useSubmit(form, (values: Record<string, unknown>) =>
    write('PUT', `/api/policy/${target.region}/${target.year}`, values));
  const editable = hasRole(profile, 'COUNTY_APPROVER', 'ADMIN');
  const p = inForce.data;

  return (
    <Page title={t('政策参数', 'Policy thresholds')}>
      <Form layout="inline" initialValues={target} onFinish={(v) => setTarget({ region: v.region, year: v.year })}>
        <Form.Item name="region" label={t('区划', 'Region')} rules={[required(t), regionRule(t, [2, 4, 6, 9, 12])]}><Input style={{ width: 160 }} /></Form.Item>
        <Form.Item name="year" label={t('年度', 'Year')} rules={[required(t)]}><InputNumber min={2000} max={2100} /></Form.Item>
        <Form.Item><Button htmlType="submit">{t('查询', 'Show')}</Button></Form.Item>
      </Form>
      <ProblemAlert error={inForce.error} />
      {p && (
        <Card title={t(`${p.regionPrefix} ${p.year} 年适用的参数（来源：${p.sourceRegionPrefix || '全国'} ${p.sourceYear} 年）`,
          `In force for ${p.regionPrefix} ${p.year} (set for ${p.sourceRegionPrefix || 'national'} ${p.sourceYear})`)}>
          <ProblemAlert error={error} />
          <Form key={`${p.regionPrefix}-${p.year}-${p.changedAt}`} form={form} layout="vertical" disabled={!editable} initialValues={p.thresholds}
            onFinish={async (values) => {
              if (await submit(values)) { message.success(t('参数已调整并记入审计日志', 'Changed; the change is audited')); inForce.reload(); history.reload(); }
            }}>
            <Row gutter={16}>
              {FIELDS.map(([name, zh, en, money]) => (
                <Col xs={24} md={8} key={name}><Form.Item name={name} label={t(zh, en)} rules={[required(t)]}>
                  <InputNumber min={money ? 0.01 : 0} precision={money ? 2 : 0} style={{ width: '100%' }} /></Form.Item></Col>
              ))}
              <Col xs={24}><Form.Item name="reason" label={t('调整依据', 'Reason')} rules={[required(t), { max: 500 }]}><Input /></Form.Item></Col>
            </Row>
            {editable && <Space><Button type="primary" htmlType="submit" loading={busy}>{t(`保存 ${p.regionPrefix} ${p.year} 年参数`, `Save for ${p.regionPrefix} ${p.year}`)}</Button></Space>}
          </Form>
        </Card>
      )}
      <Card title={t('调整记录', 'History of changes')} extra={
        <Segmented<typeof kind> aria-label={t('记录类型', 'Kind of record')} value={kind} onChange={setKind} options={[
          { value: 'PolicyChanged', label: t('调整', 'Changes') }, { value: 'PolicyCorrected', label: t('更正（附原因）', 'Corrections') },
        ]} />
      }>
        <ProblemAlert error={history.error} />
        <Table<LogEntry> rowKey="eventId" size="small" pagination={false} dataSource={history.items} columns={[
          { title: t('时间', 'Time'), dataIndex: 'occurredAt', render: formatTime },
          { title: t('内容', 'Change'), dataIndex: 'summary' },
          { title: t('操作人', 'By'), dataIndex: 'actorName', render: (v, e) => `${v}（${label('role', e.actorRole)}）` },
        ]} />
        {history.hasMore && <Button onClick={history.more}>{t('加载更多', 'More')}</Button>}
      </Card>
    </Page>
  );
}
