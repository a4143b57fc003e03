import { Card, Col, List, Row, Tag } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { query } from '../api';
import { GradeTag, TONE } from '../components/GradeTag';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/Problems';
import type { LeadView } from '../components/types';
import { useLoad } from '../components/useLoad';
import { useLabel, useT } from '../i18n';
import { useProfile } from '../profile';

interface Missed { householdId: string; dueDay: number; flaggedOn: string }
interface Warning { warningId: string; householdId: string; level: string; reason: string; raisedOn: string }
interface Measure { measureId: string; householdId: string; measureType: string; description: string; dueDate: string; overdueSince?: string }
interface DueVisit { householdId: string; regionCode: string; month: string; dueOn: string; lastRecordedMonth?: string | null }
interface Unanswered { warningId: string; householdId: string; level: string; reason: string; raisedOn: string; responseOverdueOn?: string | null }
/** How many days ahead a measure counts as falling due. */
const FALLING_DUE_DAYS = 14;

/**
 * 工作台: what the village officer has to do — visits due and missed, warnings awaiting a response and open, measures
 * falling due and overdue, leads to work on.
 */
export default function Worklist() {
  const t = useT();
  const label = useLabel();
  const profile = useProfile();
  const thisMonth = dayjs().format('YYYY-MM');
  const lastMonth = dayjs().subtract(1, 'month').format('YYYY-MM');
  const village = profile.region.length === 12;
  const missed = useLoad<Missed[]>(village ? `/api/monitoring/missed${query({ village: profile.region, month: lastMonth })}` : null);
  const missedNow = useLoad<Missed[]>(village ? `/api/monitoring/missed${query({ village: profile.region, month: thisMonth })}` : null);
  const warnings = useLoad<{ warnings: Warning[] }>(`/api/warnings${query({ limit: 20 })}`);
  const measures = useLoad<{ measures: Measure[] }>(`/api/assistance/overdue-measures${query({ limit: 20 })}`);
  const due = useLoad<{ visits: DueVisit[] }>(`/api/monitoring/due${query({ limit: 20 })}`);
  const unanswered = useLoad<{ warnings: Unanswered[] }>(`/api/assistance/warnings-awaiting-response${query({ limit: 20 })}`);
  const fallingDue = useLoad<{ measures: Measure[] }>(`/api/assistance/measures-falling-due${query({ withinDays: FALLING_DUE_DAYS, limit: 20 })}`);
  const returned = useLoad<{ leads: LeadView[] }>(`/api/leads${query({ status: 'RETURNED_TO_VILLAGE', limit: 20 })}`);
  const toVerify = useLoad<{ leads: LeadView[] }>(`/api/leads${query({ status: 'REPORTED', limit: 20 })}`);
  const toEvaluate = useLoad<{ leads: LeadView[] }>(`/api/leads${query({ status: 'VERIFIED', limit: 20 })}`);

  const leadList = (title: string, leads?: LeadView[]) => (
    <Card title={title} size="small">
      <List size="small" dataSource={leads ?? []} renderItem={(lead) => (
        <List.Item><Link to={`/leads/${lead.leadId}`}>{lead.reportedOn} · {label('channel', lead.channel)}</Link>
          {lead.overdue && <Tag color={TONE.red} icon={<ClockCircleOutlined />}>{t('已逾期', 'Overdue')}</Tag>}</List.Item>
      )} />
    </Card>
  );

  return (
    <Page title={t('工作台', 'Worklist')}>
      <ProblemAlert error={missed.error ?? missedNow.error ?? warnings.error ?? measures.error ?? returned.error
        ?? due.error ?? unanswered.error ?? fallingDue.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('本月待监测（截止日前录入）', 'Visits due this month (before the due day)')} size="small" data-testid="due-visits">
            <List size="small" dataSource={due.data?.visits ?? []} renderItem={(v) => (
              <List.Item><Link to={`/monitoring/new?householdId=${v.householdId}`}>{t(`录入 ${v.month} 监测：户 ${v.householdId}`, `Record ${v.month}: ${v.householdId}`)}</Link>
                <Tag icon={<ClockCircleOutlined />}>{t(`${v.dueOn} 前`, `by ${v.dueOn}`)}</Tag></List.Item>
            )} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('待响应预警（在户档案中响应）', 'Warnings awaiting a response (respond on the household page)')} size="small" data-testid="awaiting-response">
            <List size="small" dataSource={unanswered.data?.warnings ?? []} renderItem={(w) => (
              <List.Item><GradeTag grade={w.level} /><Link to={`/households/${w.householdId}`}>{w.raisedOn} {w.reason}</Link>
                {w.responseOverdueOn && <Tag color={TONE.red} icon={<ClockCircleOutlined />}>{t(`响应逾期（${w.responseOverdueOn}）`, `Response overdue (${w.responseOverdueOn})`)}</Tag>}</List.Item>
            )} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t(`${FALLING_DUE_DAYS} 天内到期的帮扶措施`, `Measures due within ${FALLING_DUE_DAYS} days`)} size="small" data-testid="falling-due">
            <List size="small" dataSource={fallingDue.data?.measures ?? []} renderItem={(m) => (
              <List.Item><Link to={`/households/${m.householdId}`}>{m.description}</Link> {t(`时限 ${m.dueDate}`, `due ${m.dueDate}`)}</List.Item>
            )} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('漏测户（过了每月监测截止日仍未录入）', 'Missed visits (past the monthly due day)')} size="small">
            <List size="small" dataSource={[...(missedNow.data ?? []).map((m) => ({ ...m, month: thisMonth })), ...(missed.data ?? []).map((m) => ({ ...m, month: lastMonth }))]}
              renderItem={(m) => (
                <List.Item><Link to={`/monitoring/new?householdId=${m.householdId}`}>{t(`补录 ${m.month} 监测：户 ${m.householdId}`, `Record ${m.month}: ${m.householdId}`)}</Link>
                  <Tag color={TONE.red} icon={<ClockCircleOutlined />}>{t(`截止日 ${m.dueDay} 日，${m.flaggedOn} 标记`, `due day ${m.dueDay}, flagged ${m.flaggedOn}`)}</Tag></List.Item>
              )} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('未解除预警', 'Open warnings')} size="small">
            <List size="small" dataSource={warnings.data?.warnings ?? []} renderItem={(w) => (
              <List.Item><GradeTag grade={w.level} /><Link to={`/households/${w.householdId}`}>{w.raisedOn} {w.reason}</Link></List.Item>
            )} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('逾期帮扶措施', 'Overdue measures')} size="small">
            <List size="small" dataSource={measures.data?.measures ?? []} renderItem={(m) => (
              <List.Item><Link to={`/households/${m.householdId}`}>{m.description}</Link> {t(`时限 ${m.dueDate}`, `due ${m.dueDate}`)}</List.Item>
            )} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>{leadList(t('乡镇退回待补正', 'Returned for correction'), returned.data?.leads)}</Col>
        <Col xs={24} lg={12}>{leadList(t('待入户核实', 'Awaiting home verification'), toVerify.data?.leads)}</Col>
        <Col xs={24} lg={12}>{leadList(t('待村级评议', 'Awaiting village evaluation'), toEvaluate.data?.leads)}</Col>
      </Row>
    </Page>
  );
}
