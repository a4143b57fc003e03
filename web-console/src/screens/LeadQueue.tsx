import { useState } from 'react';
import { Button, Checkbox, Select, Space, Table, Tag } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { query } from '../api';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/Problems';
import type { LeadView } from '../components/types';
import { usePaged } from '../components/useLoad';
import { useLabel, useOptions, useT } from '../i18n';
import { useProfile } from '../profile';
import { hasRole } from '../session';
import { TONE } from '../components/GradeTag';

/** Leads and identification cases of the user's region: the township's and the county's review queues. */
export default function LeadQueue() {
  const t = useT();
  const label = useLabel();
  const options = useOptions();
  const profile = useProfile();
  const [status, setStatus] = useState<string | undefined>(
    hasRole(profile, 'COUNTY_APPROVER') ? 'TOWNSHIP_APPROVED' : hasRole(profile, 'TOWNSHIP_REVIEWER') ? 'PUBLIC_NOTICE' : undefined);
  const [overdue, setOverdue] = useState(false);
  const leads = usePaged<LeadView, { leads: LeadView[]; nextCursor?: string }>(
    `/api/leads${query({ status, overdue: overdue || undefined, limit: 50 })}`, (p) => p.leads, (p) => p.nextCursor);

  return (
    <Page title={hasRole(profile, 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER') ? t('识别审核队列', 'Identification queue') : t('线索与识别', 'Leads and cases')}>
      <Space wrap>
        <Select aria-label={t('办理阶段', 'Stage')} allowClear placeholder={t('全部阶段', 'All stages')} style={{ width: 240 }}
          value={status} onChange={setStatus} options={options('stage')} />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>{t('只看逾期', 'Overdue only')}</Checkbox>
      </Space>
      <ProblemAlert error={leads.error} />
      <Table<LeadView> rowKey="leadId" dataSource={leads.items} loading={leads.loading} pagination={false}
        columns={[
          { title: t('上报日期', 'Reported'), dataIndex: 'reportedOn' },
          { title: t('村', 'Village'), dataIndex: 'regionCode' },
          { title: t('渠道', 'Channel'), dataIndex: 'channel', render: (v) => label('channel', v) },
          { title: t('阶段', 'Stage'), dataIndex: 'stage', render: (v, lead) => <>{label('stage', v)}{lead.reidentification && <Tag>{t('重新识别', 'Re-identification')}</Tag>}</> },
          { title: t('认定时限', 'Decision due'), dataIndex: 'decisionDueOn',
            render: (v, lead) => <>{v}{lead.overdue && <Tag color={TONE.red} icon={<ClockCircleOutlined />}>{t('已逾期', 'Overdue')}</Tag>}</> },
          { title: t('操作', 'Action'), key: 'open', render: (_, lead) => <Link to={`/leads/${lead.leadId}`}>{t('办理', 'Open')}</Link> },
        ]} />
      {leads.hasMore && <Button onClick={leads.more}>{t('加载更多', 'More')}</Button>}
    </Page>
  );
}
