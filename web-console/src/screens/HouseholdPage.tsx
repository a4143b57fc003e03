import { useEffect, useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Segmented, Select, Space, Table, Tabs, Tag } from 'antd';
import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import { ApiProblem, get, query, write } from '../api';
import { GradeTag, MetTag, TONE } from '../components/GradeTag';
import { HouseholdTimeline } from '../components/HouseholdTimeline';
import { IdNumber } from '../components/IdNumber';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/Problems';
import { required } from '../components/rules';
import type { HouseholdStatus, Named, Timeline } from '../components/types';
import { useLoad } from '../components/useLoad';
import { useSubmit } from '../components/useSubmit';
import { useLabel, useOptions, useT } from '../i18n';
import { useProfile } from '../profile';
import { hasRole } from '../session';

interface Member { memberId: string; name: string; idNumber: string; relation: string; birthDate?: string; labourCapacity?: string; health?: string; leftOn?: string }
interface Household {
  householdId: string; regionCode: string; villageGroup?: number; headName: string; headIdNumber: string;
  category: string; categoryFlags: string[]; memberCount: number; objectType?: string; openLeadId?: string; members: Member[];
}
interface CaseWarning { warningId: string; level: string; reason: string; raisedOn: string; respondedOn?: string | null; responseReason?: string | null; responseMeasureId?: string | null; responseOverdueOn?: string | null; closedOn?: string | null }
interface CaseView {
  status: string; eliminationStep?: string | null; rollbackStep?: string | null; warnings: CaseWarning[];
  measures: { measureId: string; measureType: string; description: string; dueDate?: string; status: string; overdueSince?: string }[];
}

const TIMELINE_REFRESH_MS = 5000;

/** 户档案: the household, its status, its whole history, its state on any past day, the proof, and the next steps. */
export default function HouseholdPage() {
  const t = useT();
  const label = useLabel();
  const { householdId } = useParams();
  const household = useLoad<Household>(`/api/households/${householdId}`);
  const [kind, setKind] = useState<string>('');
  const timeline = useTimeline(householdId!, kind);
  const h = household.data;

  return (
    <Page title={h ? t(`户档案：${h.headName}`, `Household: ${h.headName}`) : t('户档案', 'Household')}>
      <ProblemAlert error={household.error} />
      {h && (
        <Card>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} items={[
            { label: t('户主', 'Head'), children: h.headName },
            { label: t('户主身份证号', 'Head ID number'), children: <IdNumber value={h.headIdNumber} /> },
            { label: t('村 / 小组', 'Village / group'), children: `${h.regionCode} / ${h.villageGroup ?? '-'}` },
            { label: t('户类别', 'Category'), children: [label('category', h.category), ...h.categoryFlags.map((f) => label('categoryFlag', f))].join('、') },
            { label: t('家庭人口', 'Size'), children: h.memberCount },
            { label: t('当前状态', 'Status'), children: <StatusTags status={timeline.data?.status} /> },
          ]} />
        </Card>
      )}
      <HouseholdActions householdId={householdId!} openLeadId={h?.openLeadId} onChange={timeline.reload} />
      <Tabs items={[
        { key: 'timeline', label: t('时间轴', 'Timeline'), children: (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Segmented<string> aria-label={t('业务', 'Service')} value={kind} onChange={setKind} options={[
                { value: '', label: t('全部', 'All') }, { value: 'identification', label: label('kind', 'identification') },
                { value: 'monitoring', label: label('kind', 'monitoring') }, { value: 'assistance', label: label('kind', 'assistance') },
              ]} />
              <Button icon={<ReloadOutlined />} onClick={timeline.reload}>{t('刷新', 'Refresh')}</Button>
            </Space>
            {timeline.error instanceof ApiProblem && timeline.error.status === 404
              ? <p role="status">{t('时间轴尚无记录，稍后自动刷新。', 'No entries yet; refreshing.')}</p>
              : <ProblemAlert error={timeline.error} />}
            {timeline.data && <HouseholdTimeline householdId={timeline.data.householdId} entries={timeline.data.entries} />}
          </Space>
        ) },
        { key: 'asOf', label: t('历史状态', 'As of a date'), children: <StateAsOf householdId={householdId!} /> },
        { key: 'chain', label: t('防篡改校验', 'Chain verification'), children: <ChainCheck householdId={householdId!} /> },
        { key: 'members', label: t('家庭成员', 'Members'), children: (
          <Table<Member> rowKey="memberId" size="small" pagination={false} dataSource={h?.members ?? []} columns={[
            { title: t('姓名', 'Name'), dataIndex: 'name' },
            { title: t('身份证号', 'ID number'), dataIndex: 'idNumber', render: (v) => <IdNumber value={v} /> },
            { title: t('与户主关系', 'Relation'), dataIndex: 'relation', render: (v) => label('relation', v) },
            { title: t('劳动能力', 'Labour'), dataIndex: 'labourCapacity', render: (v) => label('labourCapacity', v) },
            { title: t('健康状况', 'Health'), dataIndex: 'health', render: (v) => label('health', v) },
            { title: t('减少日期', 'Left on'), dataIndex: 'leftOn' },
          ]} />
        ) },
        { key: 'assistance', label: t('预警与帮扶', 'Warnings and measures'), children: <Measures householdId={householdId!} onChange={timeline.reload} /> },
      ]} />
    </Page>
  );
}

/** The timeline, refreshed every few seconds while shown, so steps taken elsewhere appear by themselves. */
function useTimeline(householdId: string, kind: string) {
  const [data, setData] = useState<Timeline>();
  const [error, setError] = useState<unknown>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    const load = () => get<Timeline>(`/api/households/${householdId}/timeline${query({ kind })}`)
      .then((value) => { if (current) { setData((shown) => (unchanged(shown, value) ? shown : value)); setError(undefined); } })
      .catch((e) => current && setError(e));
    load();
    const timer = window.setInterval(() => document.visibilityState === 'visible' && load(), TIMELINE_REFRESH_MS);
    return () => { current = false; window.clearInterval(timer); };
  }, [householdId, kind, version]);
  return { data, error, reload: () => setVersion((v) => v + 1) };
}

/** The chain only grows: the same length and last entry, and the same status, is the same timeline. */
function unchanged(shown: Timeline | undefined, loaded: Timeline): boolean {
  return shown !== undefined && shown.entries.length === loaded.entries.length
    && shown.entries.at(-1)?.eventId === loaded.entries.at(-1)?.eventId
    && JSON.stringify(shown.status) === JSON.stringify(loaded.status);
}

function StatusTags({ status }: { status?: HouseholdStatus | null }) {
  if (!status) return null;
  return (
    <Space wrap size={4}>
      <Tag data-testid="status">{status.status.name}</Tag>
      {status.warningLevel && <GradeTag grade={status.warningLevel.code} />}
      {status.flags.map((flag) => <Tag key={flag.code}>{flag.name}</Tag>)}
    </Space>
  );
}

interface State {
  asOf: string; status: HouseholdStatus; headName: string; headIdNumber: string; category?: Named; memberCount: number;
  objectType?: Named; riskTypes: Named[]; latestIncome?: number; latestIncomeMonth?: string; monitoringLine?: number;
  monthsAboveMonitoringLine: number; openWarnings: number; measures: number; measuresCarriedOut: number;
  eliminationPending: boolean; rollbackPending: boolean; identifiedOn?: string; eliminatedOn?: string;
}

function StateAsOf({ householdId }: { householdId: string }) {
  const t = useT();
  const [asOf, setAsOf] = useState<Dayjs>(dayjs());
  const state = useLoad<State>(`/api/households/${householdId}/state?asOf=${asOf.format('YYYY-MM-DD')}`);
  const s = state.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <label>{t('查看该户在此日结束时的档案：', 'The record as it stood at the end of: ')}
        <DatePicker value={asOf} allowClear={false} onChange={(d) => d && setAsOf(d)} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </label>
      <ProblemAlert error={state.error} />
      {s && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={[
          { label: t('状态', 'Status'), children: <StatusTags status={s.status} /> },
          { label: t('户主', 'Head'), children: <>{s.headName}（<IdNumber value={s.headIdNumber} />）</> },
          { label: t('监测对象类型', 'Object type'), children: s.objectType?.name ?? '-' },
          { label: t('风险类型', 'Risk types'), children: s.riskTypes.map((r) => r.name).join('、') || '-' },
          { label: t('最近人均纯收入', 'Latest income'), children: s.latestIncome !== undefined && s.latestIncome !== null ? `${s.latestIncome} 元（${s.latestIncomeMonth}）` : '-' },
          { label: t('监测收入标准', 'Monitoring line'), children: s.monitoringLine ? `${s.monitoringLine} 元` : '-' },
          { label: t('未关闭预警', 'Open warnings'), children: s.openWarnings },
          { label: t('帮扶措施（已落实/总数）', 'Measures (done / all)'), children: `${s.measuresCarriedOut} / ${s.measures}` },
          { label: t('认定日期', 'Identified on'), children: s.identifiedOn ?? '-' },
          { label: t('风险消除日期', 'Eliminated on'), children: s.eliminatedOn ?? '-' },
        ]} />
      )}
    </Space>
  );
}

interface Verification { intact: boolean; entries: number; broken: { position: number; eventId: string; contentIntact: boolean; linked: boolean }[] }

function ChainCheck({ householdId }: { householdId: string }) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const result = useLoad<Verification>(version > 0 ? `/api/households/${householdId}/timeline/verify?check=${version}` : null);
  const v = result.data;
  return (
    <Space orientation="vertical">
      <Button icon={<SafetyCertificateOutlined />} onClick={() => setVersion((n) => n + 1)} loading={result.loading}>
        {t('重新计算哈希链', 'Recompute the hash chain')}
      </Button>
      <ProblemAlert error={result.error} />
      {v && (
        <div role="status" data-testid="chain-result">
          <MetTag met={v.intact} /> {v.intact ? t(`${v.entries} 条记录完整，未被篡改。`, `${v.entries} entries intact.`)
            : t(`${v.broken.length} 条记录校验不通过：`, `${v.broken.length} entries fail:`)}
          {v.broken.map((b) => <div key={b.eventId}>#{b.position} {b.eventId} {b.contentIntact ? '' : t('内容被改动', 'content altered')} {b.linked ? '' : t('链接断开', 'link broken')}</div>)}
        </div>
      )}
    </Space>
  );
}

/** The case's warnings, each answered by a measure or by a stated reason (预警响应), and its measures. */
function Measures({ householdId, onChange }: { householdId: string; onChange: () => void }) {
  const t = useT();
  const label = useLabel();
  const profile = useProfile();
  const assistance = useLoad<CaseView>(`/api/assistance/${householdId}`);
  const [responding, setResponding] = useState<string>();
  const responds = hasRole(profile, 'VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER');
  if (assistance.error instanceof ApiProblem && assistance.error.status === 404) return <p>{t('尚无帮扶档案。', 'No assistance case yet.')}</p>;
  return (
    <>
      <ProblemAlert error={assistance.error} />
      <h2 style={{ fontSize: 16 }}>{t('预警', 'Warnings')}</h2>
      <Table<CaseWarning> size="small" rowKey="warningId" pagination={false} dataSource={assistance.data?.warnings ?? []} columns={[
        { title: t('等级', 'Level'), dataIndex: 'level', render: (v) => <GradeTag grade={v} /> },
        { title: t('原因', 'Reason'), dataIndex: 'reason' },
        { title: t('预警日期', 'Raised on'), dataIndex: 'raisedOn' },
        { title: t('响应', 'Response'), key: 'response', render: (_, w) => {
          if (w.respondedOn) return t(`${w.respondedOn} 已响应：${w.responseReason ?? '新增或调整帮扶措施'}`, `Answered ${w.respondedOn}: ${w.responseReason ?? 'by a measure'}`);
          if (w.closedOn) return t(`${w.closedOn} 已解除`, `Cleared ${w.closedOn}`);
          return (
            <Space wrap>
              {w.responseOverdueOn && <Tag color={TONE.red}>{t(`响应逾期（${w.responseOverdueOn}）`, `Response overdue (${w.responseOverdueOn})`)}</Tag>}
              {responds ? <Button size="small" onClick={() => setResponding(w.warningId)}>{t('响应预警', 'Respond')}</Button> : t('待响应', 'Awaiting a response')}
            </Space>
          );
        } },
      ]} />
      {responding && <ConfirmStep path={`/api/assistance/${householdId}/warnings/${responding}/response`} reason
        title={t('预警响应：说明无需新增或调整帮扶措施的理由', 'Respond: why no new or changed measure is needed')}
        onCancel={() => setResponding(undefined)} onDone={() => { setResponding(undefined); assistance.reload(); onChange(); }} />}
      <h2 style={{ fontSize: 16, marginTop: 16 }}>{t('帮扶措施', 'Measures')}</h2>
      <Table size="small" rowKey="measureId" pagination={false} dataSource={assistance.data?.measures ?? []} columns={[
        { title: t('措施类型', 'Type'), dataIndex: 'measureType', render: (v) => label('measureType', v) },
        { title: t('内容', 'Description'), dataIndex: 'description' },
        { title: t('办结时限', 'Due'), dataIndex: 'dueDate', render: (v, m) => <>{v}{m.overdueSince && <Tag color={TONE.red}>{t('逾期', 'Overdue')}</Tag>}</> },
        { title: t('状态', 'Status'), dataIndex: 'status', render: (v) => label('measureStatus', v) },
      ]} />
    </>
  );
}

/** What the user's role may do next with this household: the village proposes, the township verifies, the county decides. */
function HouseholdActions({ householdId, openLeadId, onChange }: { householdId: string; openLeadId?: string; onChange: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const profile = useProfile();
  const assistance = useLoad<CaseView>(hasRole(profile, 'VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER') ? `/api/assistance/${householdId}` : null);
  const [asking, setAsking] = useState<{ path: string; title: string; reason?: boolean; closure?: boolean }>();
  const c = assistance.data;
  const done = () => { setAsking(undefined); assistance.reload(); onChange(); };
  const village = hasRole(profile, 'VILLAGE_OFFICER');
  const township = hasRole(profile, 'TOWNSHIP_REVIEWER');
  const county = hasRole(profile, 'COUNTY_APPROVER');
  const base = `/api/assistance/${householdId}`;

  const actions: { key: string; text: string; path: string; reason?: boolean; closure?: boolean }[] = [];
  if (c && village && c.status === 'RISK_NOT_ELIMINATED' && !c.eliminationStep) actions.push({ key: 'ep', text: t('申请风险消除', 'Propose elimination'), path: `${base}/elimination/propose` });
  if (c && village && c.status === 'RISK_ELIMINATED' && !c.rollbackStep) actions.push({ key: 'rp', text: t('申请风险回退', 'Propose rollback'), path: `${base}/rollback/propose`, reason: true });
  for (const [procedure, step] of [['elimination', c?.eliminationStep], ['rollback', c?.rollbackStep]] as const) {
    const name = procedure === 'elimination' ? t('风险消除', 'elimination') : t('风险回退', 'rollback');
    if (township && step === 'PROPOSED') {
      actions.push({ key: `${procedure}v`, text: t(`乡镇核实${name}`, `Verify ${name}`), path: `${base}/${procedure}/verify` });
      actions.push({ key: `${procedure}r`, text: t(`退回${name}申请`, `Return ${name}`), path: `${base}/${procedure}/return`, reason: true });
    }
    if (county && step === 'VERIFIED') {
      actions.push({ key: `${procedure}a`, text: t(`县级审定${name}`, `Approve ${name}`), path: `${base}/${procedure}/approve` });
      actions.push({ key: `${procedure}r`, text: t(`退回${name}申请`, `Return ${name}`), path: `${base}/${procedure}/return`, reason: true });
    }
  }
  if (c && county) actions.push({ key: 'close', text: t('终止监测', 'Close monitoring'), path: `/api/monitoring/${householdId}/closure`, closure: true });

  if (!hasRole(profile, 'VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER')) return null;
  return (
    <Card size="small" title={t('办理', 'Actions')} className="no-print">
      <Space wrap>
        {openLeadId && <Button onClick={() => navigate(`/leads/${openLeadId}`)}>{t('办理在办识别', 'Open identification case')}</Button>}
        {!openLeadId && <Button onClick={() => navigate(`/leads/new?householdId=${householdId}`)}>{t('上报线索', 'Report a lead')}</Button>}
        {c && (village || township) && <Button onClick={() => navigate(`/monitoring/new?householdId=${householdId}`)}>{t('月度监测录入', 'Monthly record')}</Button>}
        {actions.map((a) => <Button key={a.key} type="primary" ghost onClick={() => setAsking({ path: a.path, title: a.text, reason: a.reason, closure: a.closure })}>{a.text}</Button>)}
      </Space>
      {asking && <ConfirmStep {...asking} onCancel={() => setAsking(undefined)} onDone={done} />}
    </Card>
  );
}

function ConfirmStep({ path, title, reason, closure, onCancel, onDone }: {
  path: string; title: string; reason?: boolean; closure?: boolean; onCancel: () => void; onDone: () => void;
}) {
  const t = useT();
  const options = useOptions();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { submit, error, busy } = useSubmit(form, (values: Record<string, unknown>) => write('POST', path, values));
  return (
    <Modal open title={title} okText={t('确认提交', 'Submit')} cancelText={t('取消', 'Cancel')} confirmLoading={busy} onCancel={onCancel}
      onOk={() => form.validateFields().then(async (values) => {
        if (await submit(values)) { message.success(t('已提交', 'Submitted')); onDone(); }
      })}>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical">
        {reason && <Form.Item name="reason" label={t('原因', 'Reason')} rules={[required(t), { max: 500 }]}><Input.TextArea rows={3} /></Form.Item>}
        {closure && (
          <>
            <Form.Item name="reason" label={t('终止原因', 'Reason')} rules={[required(t)]}><Select options={options('closureReason')} /></Form.Item>
            <Form.Item name="judgement" label={t('研判意见', 'Judgement')} rules={[required(t), { max: 500 }]}><Input.TextArea rows={3} /></Form.Item>
          </>
        )}
        {!reason && !closure && <p>{t('提交后将记入该户档案，不可撤回。', 'This is recorded in the household history and cannot be undone.')}</p>}
      </Form>
    </Modal>
  );
}
