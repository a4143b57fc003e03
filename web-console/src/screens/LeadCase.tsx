import { Button, Card, Checkbox, Col, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Table, Tag, Timeline, App } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { write } from '../api';
import { formatTime } from '../components/Dates';
import { MetTag, TONE } from '../components/GradeTag';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/Problems';
import { day, notInFuture, required, yuanRule } from '../components/rules';
import type { LeadView } from '../components/types';
import { useLoad } from '../components/useLoad';
import { useSubmit } from '../components/useSubmit';
import { useLabel, useOptions, useT } from '../i18n';
import { useProfile } from '../profile';
import { hasRole } from '../session';

interface Finding { code: string; met: boolean; explanation: string }
interface LeadDetails {
  lead: LeadView; headName: string; villageGroup?: number; stageName: string;
  rigidExpenditures: Record<string, number>;
  evidence: { policyRegionPrefix?: string; policyYear?: number; findings: Finding[] };
  offeredObjectTypes: string[];
  steps: { step: string; note?: string; actorName: string; actorRole: string; occurredAt: string }[];
}

/** 识别认定: the case with its explainable decision panel, its steps, and the step the user's role takes next. */
export default function LeadCase() {
  const t = useT();
  const label = useLabel();
  const { leadId } = useParams();
  const details = useLoad<LeadDetails>(`/api/leads/${leadId}`);
  const d = details.data;

  return (
    <Page title={t('识别认定', 'Identification case')}>
      <ProblemAlert error={details.error} />
      {d && (
        <>
          <Card title={t('基本情况', 'Facts')}>
            <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} items={[
              { label: t('户主', 'Head'), children: <Link to={`/households/${d.lead.householdId}`}>{d.headName}</Link> },
              { label: t('村 / 小组', 'Village / group'), children: `${d.lead.regionCode} / ${d.villageGroup ?? '-'}` },
              { label: t('发现渠道', 'Channel'), children: label('channel', d.lead.channel) },
              { label: t('办理阶段', 'Stage'), children: <strong data-testid="stage">{d.stageName}</strong> },
              { label: t('上报日期', 'Reported'), children: d.lead.reportedOn },
              { label: t('认定时限', 'Decision due'), children: <>{d.lead.decisionDueOn}{d.lead.overdue && <Tag color={TONE.red} icon={<ClockCircleOutlined />}>{t('已逾期', 'Overdue')}</Tag>}</> },
              { label: t('人均纯收入', 'Income per head'), children: d.lead.perCapitaNetIncome !== undefined && d.lead.perCapitaNetIncome !== null ? `${d.lead.perCapitaNetIncome} 元` : '-' },
              { label: t('劳动能力', 'Labour capacity'), children: label('labourCapacity', d.lead.labourCapacity) || '-' },
              { label: t('公示期', 'Public notice'), children: d.lead.noticeFrom ? `${d.lead.noticeFrom} ~ ${d.lead.noticeUntil}` : '-' },
              { label: t('情况说明', 'Description'), children: d.lead.description || '-', span: 3 },
            ]} />
          </Card>
          <Card title={t('研判依据（规则、实际值、标准、证据）', 'Decision panel: rule, observed value, threshold, evidence')}>
            {d.evidence.findings.length === 0 ? t('入户核实后显示研判依据。', 'Shown after the home verification.') : (
              <>
                <p>{t(`适用政策：${d.evidence.policyRegionPrefix ? `区划 ${d.evidence.policyRegionPrefix}` : '全国'}，${d.evidence.policyYear} 年`, `Policy: ${d.evidence.policyRegionPrefix || 'national'}, ${d.evidence.policyYear}`)}</p>
                <Table<Finding> rowKey="code" size="small" pagination={false} dataSource={d.evidence.findings} columns={[
                  { title: t('规则', 'Rule'), dataIndex: 'code', render: (code) => label('criterion', code) },
                  { title: t('结果', 'Result'), dataIndex: 'met', render: (met) => <MetTag met={met} /> },
                  { title: t('实际值与标准', 'Observed against threshold'), dataIndex: 'explanation' },
                ]} />
                {Object.keys(d.rigidExpenditures).length > 0 && (
                  <p>{t('刚性支出：', 'Rigid expenditure: ')}{Object.entries(d.rigidExpenditures).map(([k, v]) => `${label('rigidExpenditure', k)} ${v} 元`).join('；')}</p>
                )}
              </>
            )}
          </Card>
          <NextStep details={d} onDone={details.reload} />
          <Card title={t('办理过程', 'Steps')}>
            <Timeline items={d.steps.map((s) => ({
              content: <><strong>{label('step', s.step)}</strong> · {s.actorName}（{label('role', s.actorRole)}）· {formatTime(s.occurredAt)}{s.note && <div>{s.note}</div>}</>,
            }))} />
          </Card>
        </>
      )}
    </Page>
  );
}

function NextStep({ details, onDone }: { details: LeadDetails; onDone: () => void }) {
  const profile = useProfile();
  const stage = details.lead.stage;
  if (hasRole(profile, 'VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER') && (stage === 'REPORTED' || stage === 'RETURNED_TO_VILLAGE')) {
    return <VerificationStep leadId={details.lead.leadId} onDone={onDone} />;
  }
  if (hasRole(profile, 'VILLAGE_OFFICER') && stage === 'VERIFIED') {
    return <EvaluationStep leadId={details.lead.leadId} onDone={onDone} />;
  }
  if (hasRole(profile, 'TOWNSHIP_REVIEWER') && stage === 'PUBLIC_NOTICE') {
    return <TownshipStep leadId={details.lead.leadId} onDone={onDone} />;
  }
  if (hasRole(profile, 'COUNTY_APPROVER') && stage === 'TOWNSHIP_APPROVED') {
    return <CountyStep details={details} onDone={onDone} />;
  }
  return null;
}

/** One step's form: posts to the case and reloads it; refusals beside their fields. */
function StepForm({ title, leadId, step, toBody, onDone, initialValues, children, submitText }: {
  title: string; leadId: string; step: string; toBody: (values: Record<string, unknown>) => unknown; onDone: () => void;
  initialValues?: Record<string, unknown>; children: React.ReactNode; submitText: string;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const t = useT();
  const { submit, error, busy } = useSubmit(form, (values: Record<string, unknown>) =>
    write('POST', `/api/leads/${leadId}/${step}`, toBody(values)));
  return (
    <Card title={title}>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={async (values) => {
        if (await submit(values)) {
          message.success(t('已提交', 'Submitted'));
          onDone();
        }
      }}>
        {children}
        <Button type="primary" htmlType="submit" loading={busy}>{submitText}</Button>
      </Form>
    </Card>
  );
}

function VerificationStep({ leadId, onDone }: { leadId: string; onDone: () => void }) {
  const t = useT();
  const options = useOptions();
  return (
    <StepForm title={t('入户核实（双签字）', 'Home verification (both sign)')} leadId={leadId} step="verification" onDone={onDone}
      submitText={t('提交核实结果', 'Submit verification')} initialValues={{ verifiedOn: dayjs(), householdConfirmed: false }}
      toBody={(v) => ({
        ...v, verifiedOn: day(v.verifiedOn as dayjs.Dayjs),
        rigidExpenditures: Object.fromEntries(Object.entries((v.rigidExpenditures ?? {}) as Record<string, number | null>).filter(([, a]) => a !== null && a !== undefined)),
      })}>
      <Row gutter={16}>
        <Col xs={24} md={8}><Form.Item name="perCapitaNetIncome" label={t('家庭人均纯收入（元/年）', 'Income per head (yuan a year)')} rules={[required(t), yuanRule(t)]}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="labourCapacity" label={t('劳动能力', 'Labour capacity')} rules={[required(t)]}><Select options={options('labourCapacity')} /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="verifiedOn" label={t('核实日期', 'Verified on')} rules={[notInFuture(t)]}><DatePicker /></Form.Item></Col>
        {['MEDICAL', 'EDUCATION', 'DISASTER'].map((kind) => (
          <Col xs={24} md={8} key={kind}><Form.Item name={['rigidExpenditures', kind]} label={`${options('rigidExpenditure').find((o) => o.value === kind)?.label}（${t('元', 'yuan')}）`} rules={[yuanRule(t)]}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
        ))}
        <Col xs={24}><Form.Item name="guaranteeGaps" label={t('两不愁三保障及饮水安全：未保障的项目', 'Guarantees not secure')}><Select mode="multiple" allowClear options={options('guarantee')} /></Form.Item></Col>
        <Col xs={24} md={8}><Form.Item name="collector" label={t('采集人（签字）', 'Collector (signs)')} rules={[required(t), { max: 50 }]}><Input /></Form.Item></Col>
        <Col xs={24} md={16}><Form.Item name="householdConfirmed" valuePropName="checked"
          rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('须农户签字确认', 'The household must sign')))) }]}>
          <Checkbox>{t('农户已签字确认（双签字）', 'The household signed (both sign)')}</Checkbox></Form.Item></Col>
      </Row>
    </StepForm>
  );
}

function EvaluationStep({ leadId, onDone }: { leadId: string; onDone: () => void }) {
  const t = useT();
  return (
    <StepForm title={t('村级评议公示', 'Village evaluation and notice')} leadId={leadId} step="village-evaluation" onDone={onDone}
      submitText={t('提交评议并公示', 'Submit and post notice')} initialValues={{ noticeFrom: dayjs() }}
      toBody={(v) => ({ opinion: v.opinion, noticeFrom: day(v.noticeFrom as dayjs.Dayjs) })}>
      <Form.Item name="opinion" label={t('评议意见', 'Opinion')} rules={[required(t), { max: 1000 }]}><Input.TextArea rows={3} /></Form.Item>
      <Form.Item name="noticeFrom" label={t('公示开始日期', 'Notice from')}><DatePicker /></Form.Item>
    </StepForm>
  );
}

function TownshipStep({ leadId, onDone }: { leadId: string; onDone: () => void }) {
  const t = useT();
  return (
    <StepForm title={t('乡镇审核', 'Township review')} leadId={leadId} step="township-review" onDone={onDone}
      submitText={t('提交审核意见', 'Submit review')} initialValues={{ decision: 'APPROVE' }} toBody={(v) => v}>
      <Form.Item name="decision" label={t('审核结论', 'Decision')} rules={[required(t)]}>
        <Radio.Group options={[{ value: 'APPROVE', label: t('审核通过，报县级审定', 'Approve') }, { value: 'RETURN', label: t('退回村级', 'Return to village') }]} />
      </Form.Item>
      <Form.Item noStyle dependencies={['decision']}>
        {({ getFieldValue }) => getFieldValue('decision') === 'RETURN'
          ? <Form.Item name="reason" label={t('退回原因', 'Reason')} rules={[required(t), { max: 1000 }]}><Input.TextArea rows={3} /></Form.Item>
          : <Form.Item name="opinion" label={t('审核意见', 'Opinion')} rules={[{ max: 1000 }]}><Input.TextArea rows={3} /></Form.Item>}
      </Form.Item>
    </StepForm>
  );
}

function CountyStep({ details, onDone }: { details: LeadDetails; onDone: () => void }) {
  const t = useT();
  const label = useLabel();
  const options = useOptions();
  return (
    <StepForm title={t('县级审定', 'County decision')} leadId={details.lead.leadId} step="county-decision" onDone={onDone}
      submitText={t('提交审定结论', 'Submit decision')} initialValues={{ decision: 'IDENTIFY' }} toBody={(v) => v}>
      <Form.Item name="decision" label={t('审定结论', 'Decision')} rules={[required(t)]}>
        <Radio.Group options={[
          { value: 'IDENTIFY', label: t('认定为监测对象', 'Identify') },
          { value: 'REJECT', label: t('不予认定', 'Reject') },
          { value: 'RETURN', label: t('退回乡镇', 'Return to township') },
        ]} />
      </Form.Item>
      <Form.Item noStyle dependencies={['decision']}>
        {({ getFieldValue }) => {
          const decision = getFieldValue('decision');
          if (decision === 'IDENTIFY') {
            return (
              <Row gutter={16}>
                <Col xs={24} md={12}><Form.Item name="objectType" label={t('监测对象类型', 'Object type')} rules={[required(t)]}>
                  <Select options={details.offeredObjectTypes.map((type) => ({ value: type, label: label('objectType', type) }))} /></Form.Item></Col>
                <Col xs={24} md={12}><Form.Item name="riskTypes" label={t('风险类型', 'Risk types')} rules={[required(t)]}>
                  <Select mode="multiple" options={options('riskType')} /></Form.Item></Col>
              </Row>
            );
          }
          return decision === 'REJECT'
            ? <Form.Item name="judgement" label={t('研判结果', 'Judgement')} rules={[required(t), { max: 1000 }]}><Input.TextArea rows={3} /></Form.Item>
            : <Form.Item name="reason" label={t('退回原因', 'Reason')} rules={[required(t), { max: 1000 }]}><Input.TextArea rows={3} /></Form.Item>;
        }}
      </Form.Item>
    </StepForm>
  );
}
