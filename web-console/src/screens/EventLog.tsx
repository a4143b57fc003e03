import { useState } from 'react';
import { Button, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { download, query } from '../api';
import { formatTime } from '../components/Dates';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/Problems';
import type { EventPage, LogEntry } from '../components/types';
import { usePaged } from '../components/useLoad';
import { useLabel, useOptions, useT } from '../i18n';

/** The event types a reviewer most often looks for; any other type can be typed in. */
const TYPES = [
  'identification.HouseholdRegistered', 'identification.LeadReported', 'identification.HouseholdVerified',
  'identification.VillageEvaluationRecorded', 'identification.TownshipApproved', 'identification.TownshipReturned',
  'identification.HouseholdIdentified', 'identification.IdentificationRejected', 'identification.PolicyChanged',
  'monitoring.MonthlyMonitoringRecorded', 'monitoring.WarningRaised', 'monitoring.MonthlyMonitoringMissed',
  'assistance.MeasureAdded', 'assistance.MeasureOverdue', 'assistance.RiskEliminationProposed',
  'assistance.RiskEliminationVerified', 'assistance.RiskEliminated', 'assistance.RiskRolledBack',
].map((name) => `fangpin.${name}.v1`);

interface Filter { region?: string; type?: string; actor?: string; role?: string; from?: string; to?: string }

/** 事件日志: every step of every household in the jurisdiction, filtered, paged by cursor, exported as CSV. */
export default function EventLog() {
  const t = useT();
  const label = useLabel();
  const options = useOptions();
  const [filter, setFilter] = useState<Filter>({});
  const [downloadError, setDownloadError] = useState<unknown>();
  const log = usePaged<LogEntry, EventPage>(`/api/events${query({ ...filter, size: 50 })}`, (p) => p.entries, (p) => p.nextCursor);

  const fetchFile = (path: string, name: string) => {
    setDownloadError(undefined);
    download(path, name).catch(setDownloadError);
  };

  return (
    <Page title={t('事件日志', 'Event log')} extra={
      <Space>
        <Button icon={<DownloadOutlined />} onClick={() => fetchFile(`/api/events.csv${query({ ...filter })}`, 'events.csv')}>{t('导出 CSV', 'Export CSV')}</Button>
        <Button icon={<FileExcelOutlined />} onClick={() => fetchFile(`/api/ledger${query({ region: filter.region, format: 'xlsx' })}`, 'ledger.xlsx')}>{t('下载台账（XLSX）', 'Ledger (XLSX)')}</Button>
      </Space>
    }>
      <Form layout="inline" onFinish={(v: { range?: [Dayjs, Dayjs]; region?: string; type?: string; actor?: string; role?: string }) => setFilter({
        region: v.region || undefined, type: v.type || undefined, actor: v.actor || undefined, role: v.role || undefined,
        from: v.range?.[0]?.format('YYYY-MM-DD'), to: v.range?.[1]?.format('YYYY-MM-DD'),
      })}>
        <Form.Item name="range" label={t('时间范围', 'Dates')}><DatePicker.RangePicker /></Form.Item>
        <Form.Item name="type" label={t('事件类型', 'Type')}>
          <Select allowClear showSearch virtual={false} style={{ width: 300 }} options={TYPES.map((type) => ({ value: type, label: type.replace(/^fangpin\.|\.v1$/g, '') }))} />
        </Form.Item>
        <Form.Item name="region" label={t('乡镇/村', 'Township/village')}><Input style={{ width: 150 }} inputMode="numeric" /></Form.Item>
        <Form.Item name="actor" label={t('操作人编号', 'Actor id')}><Input style={{ width: 150 }} /></Form.Item>
        <Form.Item name="role" label={t('角色', 'Role')}><Select allowClear style={{ width: 150 }} options={options('role')} /></Form.Item>
        <Form.Item><Button type="primary" htmlType="submit">{t('查询', 'Search')}</Button></Form.Item>
      </Form>
      <ProblemAlert error={log.error ?? downloadError} />
      <Table<LogEntry> rowKey="eventId" size="small" dataSource={log.items} loading={log.loading} pagination={false} columns={[
        { title: t('录入时间', 'Recorded at'), dataIndex: 'occurredAt', render: formatTime, width: 150 },
        { title: t('发生日期', 'Happened on'), dataIndex: 'happenedOn', width: 110,
          // blank where the step happened on the day it was recorded, as in the CSV
          render: (v, e) => (e.dates ? <span data-testid="happened-on">{v}</span> : null) },
        { title: t('摘要', 'Summary'), dataIndex: 'summary', render: (v, e) => (
          <>
            {v}
            {e.imported && <div data-testid="imported" style={{ color: '#595959' }}>{e.imported}</div>}
            {e.backdatingNote && <div style={{ color: '#595959' }}>{t('补录说明：', 'Late entry: ')}{e.backdatingNote}</div>}
          </>
        ) },
        { title: t('事件类型', 'Type'), dataIndex: 'type', render: (v: string) => v.replace(/^fangpin\.|\.v1$/g, '') },
        { title: t('区划', 'Region'), dataIndex: 'regionCode' },
        { title: t('操作人', 'Actor'), dataIndex: 'actorName', render: (v, e) => `${v}（${label('role', e.actorRole)}）` },
        { title: t('户', 'Household'), dataIndex: 'subject', render: (v) => <Link to={`/households/${v}`}>{t('户档案与校验', 'History and proof')}</Link> },
      ]} />
      {log.hasMore && <Button onClick={log.more}>{t('加载更多', 'More')}</Button>}
    </Page>
  );
}
