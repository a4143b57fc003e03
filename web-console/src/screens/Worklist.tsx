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

/** 工作台: what the village officer has to do — missed visits, warnings, measures falling due, leads to work on. */
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
      <ProblemAlert error={missed.error ?? missedNow.error ?? warnings.error ?? measures.error ?? returned.error} />
      <Row gutter={[16, 16]}>
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
          <Card title={t('未解除预警（在户档案中响应）', 'Open warnings (respond on the household page)')} size="small">
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
