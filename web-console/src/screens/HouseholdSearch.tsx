import { useState } from 'react';
import { Button, Input, Space, Table } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { query } from '../api';
import { formatTime } from '../components/Dates';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/Problems';
import type { EventPage, LogEntry } from '../components/types';
import { usePaged } from '../components/useLoad';
import { useT } from '../i18n';

/**
 * 户查询: the households registered within the user's jurisdiction (or a township or village of it), newest first,
 * narrowed by the head's name; or straight to one household by its number.
 */
export default function HouseholdSearch() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const [name, setName] = useState('');
  const registrations = usePaged<LogEntry, EventPage>(
    `/api/events${query({ type: 'fangpin.identification.HouseholdRegistered.v1', region, size: 100 })}`,
    (p) => p.entries, (p) => p.nextCursor);
  const shown = registrations.items.filter((entry) => !name || entry.summary.includes(name));

  return (
    <Page title={t('户查询', 'Find a household')}>
      <Space wrap>
        <Input.Search aria-label={t('户编号', 'Household number')} placeholder={t('输入户编号直接打开', 'Household number')}
          enterButton={t('打开', 'Open')} style={{ width: 380 }} onSearch={(id) => id.trim() && navigate(`/households/${id.trim()}`)} />
        <Input.Search aria-label={t('区划代码（乡镇或村）', 'Region code (township or village)')} placeholder={t('乡镇或村区划代码', 'Township or village code')}
          defaultValue={region} allowClear style={{ width: 260 }}
          onSearch={(code) => setParams(code ? { region: code } : {})} />
        <Input aria-label={t('户主姓名', 'Head of household')} placeholder={t('户主姓名', 'Head of household')} value={name}
          onChange={(e) => setName(e.target.value)} style={{ width: 200 }} />
      </Space>
      <ProblemAlert error={registrations.error} />
      <Table<LogEntry> rowKey="eventId" dataSource={shown} loading={registrations.loading} pagination={false} columns={[
        { title: t('户登记', 'Registration'), dataIndex: 'summary' },
        { title: t('村', 'Village'), dataIndex: 'regionCode' },
        { title: t('登记时间', 'Registered'), dataIndex: 'occurredAt', render: formatTime },
        { title: t('登记人', 'By'), dataIndex: 'actorName' },
        { title: t('操作', 'Action'), key: 'open', render: (_, e) => <Link to={`/households/${e.subject}`}>{t('户档案', 'Open')}</Link> },
      ]} />
      {registrations.hasMore && <Button onClick={registrations.more}>{t('加载更多', 'More')}</Button>}
    </Page>
  );
}
