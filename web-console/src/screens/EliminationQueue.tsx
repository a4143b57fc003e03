import { Button, Table } from 'antd';
import { Link } from 'react-router';
import { query } from '../api';
import { formatTime } from '../components/Dates';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/Problems';
import type { EventPage, LogEntry } from '../components/types';
import { usePaged } from '../components/useLoad';
import { useT } from '../i18n';
import { useProfile } from '../profile';
import { hasRole } from '../session';

/**
 * 消除与回退审核: the proposals that reached this level — the township verifies the village's proposals, the county
 * decides the verified ones. Each row opens the household, where its criteria and the decision are.
 */
export default function EliminationQueue() {
  const t = useT();
  const profile = useProfile();
  const county = hasRole(profile, 'COUNTY_APPROVER');
  const elimination = useQueue(county ? 'RiskEliminationVerified' : 'RiskEliminationProposed');
  const rollback = useQueue(county ? 'RiskRollbackVerified' : 'RiskRollbackProposed');

  const table = (title: string, queue: ReturnType<typeof useQueue>) => (
    <>
      <h2 style={{ fontSize: 18 }}>{title}</h2>
      <ProblemAlert error={queue.error} />
      <Table<LogEntry> rowKey="eventId" size="small" pagination={false} dataSource={queue.items} loading={queue.loading} columns={[
        { title: t('时间', 'Time'), dataIndex: 'occurredAt', render: formatTime },
        { title: t('村', 'Village'), dataIndex: 'regionCode' },
        { title: t('摘要', 'Summary'), dataIndex: 'summary' },
        { title: t('提交人', 'By'), dataIndex: 'actorName' },
        { title: t('操作', 'Action'), key: 'open', render: (_, e) => <Link to={`/households/${e.subject}`}>{t('审核', 'Review')}</Link> },
      ]} />
      {queue.hasMore && <Button onClick={queue.more}>{t('加载更多', 'More')}</Button>}
    </>
  );

  return (
    <Page title={county ? t('风险消除与回退审定', 'Eliminations and rollbacks to decide') : t('风险消除与回退核实', 'Eliminations and rollbacks to verify')}>
      {table(t('风险消除申请', 'Elimination proposals'), elimination)}
      {table(t('风险回退申请', 'Rollback proposals'), rollback)}
    </Page>
  );
}

function useQueue(event: string) {
  return usePaged<LogEntry, EventPage>(`/api/events${query({ type: `fangpin.assistance.${event}.v1`, size: 50 })}`, (p) => p.entries, (p) => p.nextCursor);
}
