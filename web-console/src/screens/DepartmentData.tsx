import { useEffect, useState } from 'react';
import { Button, Card, Descriptions, Progress, Select, Space, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { get, query, upload } from '../api';
import { formatTime } from '../components/Dates';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/Problems';
import { usePaged } from '../components/useLoad';
import { useLabel, useOptions, useT } from '../i18n';
import { useProfile } from '../profile';

interface Batch {
  batchId: string; department: string; fileName: string; status: string; duplicateOf?: string; rowsRead: number;
  rowsRejected: number; rowsMatched: number; hits: number; monitoredHits: number; leadsRaised: number; failure?: string;
  uploadedAt: string; finishedAt?: string | null;
}
interface Rejection { lineNo: number; reason: string }
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FINISHED = ['COMPLETED', 'FAILED', 'DUPLICATE'];
const POLL_MS = 1500;

/**
 * 行业部门数据: a department's CSV/XLSX batch, uploaded with progress, then screened: rejected rows and hits; below, the
 * department's past batches, each opening the same result.
 */
export default function DepartmentData() {
  const t = useT();
  const options = useOptions();
  const profile = useProfile();
  const [department, setDepartment] = useState(profile.department);
  const [percent, setPercent] = useState<number>();
  const [error, setError] = useState<unknown>();
  const [params, setParams] = useSearchParams();
  const batchId = params.get('batch') ?? undefined;
  const setBatchId = (id: string) => setParams({ batch: id });
  const [batch, setBatch] = useState<Batch>();
  const past = usePaged<Batch, { batches: Batch[]; nextCursor?: string }>(
    `/api/department-data/batches${query({ department: profile.department ? undefined : department, limit: 20 })}`,
    (p) => p.batches, (p) => p.nextCursor);

  useEffect(() => {
    if (!batchId) return;
    let current = true;
    const poll = async () => {
      try {
        const details = await get<{ batch: Batch }>(`/api/department-data/batches/${batchId}`);
        if (!current) return;
        setBatch(details.batch);
        if (!FINISHED.includes(details.batch.status)) window.setTimeout(poll, POLL_MS);
        else past.reload();
      } catch (e) {
        if (current) setError(e);
      }
    };
    setBatch(undefined);
    poll();
    return () => { current = false; };
    // the list is reloaded once the batch is finished, not whenever it changes
  }, [batchId]);

  const send = (file: File) => {
    setError(undefined);
    setBatch(undefined);
    setPercent(0);
    const xlsx = file.name.toLowerCase().endsWith('.xlsx');
    upload<{ batchId: string }>(`/api/department-data/batches?department=${department ?? ''}&fileName=${encodeURIComponent(file.name)}`,
      file, xlsx ? XLSX : 'text/csv; charset=utf-8', setPercent)
      .then((receipt) => setBatchId(receipt.batchId))
      .catch(setError);
    return false;
  };

  return (
    <Page title={t('行业部门数据上传', 'Department data upload')}>
      <Card>
        <Space wrap>
          <Select aria-label={t('部门', 'Department')} placeholder={t('部门', 'Department')} style={{ width: 200 }} value={department}
            disabled={Boolean(profile.department)} onChange={setDepartment} options={options('department')} />
          <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={send} disabled={!department}>
            <Button icon={<UploadOutlined />} disabled={!department}>{t('选择 CSV 或 XLSX 文件上传', 'Upload a CSV or XLSX file')}</Button>
          </Upload>
        </Space>
        {percent !== undefined && <Progress percent={percent} aria-label={t('上传进度', 'Upload progress')} />}
        <ProblemAlert error={error} />
      </Card>
      {batch && <BatchResult batch={batch} />}
      <PastBatches batches={past.items} current={batchId} />
      {past.hasMore && <Button onClick={past.more}>{t('加载更多', 'More')}</Button>}
      <ProblemAlert error={past.error} />
    </Page>
  );
}

function BatchResult({ batch }: { batch: Batch }) {
  const t = useT();
  const label = useLabel();
  const rejections = usePaged<Rejection, { rejections: Rejection[]; nextCursor?: string }>(
    FINISHED.includes(batch.status) ? `/api/department-data/batches/${batch.batchId}/rejections` : null, (p) => p.rejections, (p) => p.nextCursor);
  return (
    <Card title={t(`批次 ${batch.fileName}`, `Batch ${batch.fileName}`)}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} items={[
        { label: t('处理状态', 'Status'), children: <span role="status">{label('batchStatus', batch.status)}</span> },
        { label: t('读取行数', 'Rows read'), children: batch.rowsRead },
        { label: t('被拒行数', 'Rows rejected'), children: batch.rowsRejected },
        { label: t('匹配行数', 'Rows matched'), children: batch.rowsMatched },
        { label: t('命中', 'Hits'), children: batch.hits },
        { label: t('命中监测对象（生成预警）', 'Hits on monitored households (warnings)'), children: batch.monitoredHits },
        { label: t('生成线索', 'Leads raised'), children: batch.leadsRaised },
        { label: t('重复上传', 'Duplicate of'), children: batch.duplicateOf ?? '-' },
        { label: t('失败原因', 'Failure'), children: batch.failure ?? '-' },
      ]} />
      <h2 style={{ fontSize: 16, marginTop: 16 }}>{t('被拒绝的行', 'Rejected rows')}</h2>
      <Table<Rejection> rowKey="lineNo" size="small" pagination={false} dataSource={rejections.items}
        onRow={() => ({ 'data-testid': 'rejection' }) as React.HTMLAttributes<HTMLTableRowElement>} columns={[
        { title: t('行号', 'Line'), dataIndex: 'lineNo', width: 100 },
        { title: t('原因', 'Reason'), dataIndex: 'reason' },
      ]} />
      {rejections.hasMore && <Button onClick={rejections.more}>{t('加载更多', 'More')}</Button>}
    </Card>
  );
}

/** The department's batches, newest first, each opening its result (rejected rows and hits). */
function PastBatches({ batches, current }: { batches: Batch[]; current?: string }) {
  const t = useT();
  const label = useLabel();
  return (
    <Card title={t('历史批次', 'Past batches')} data-testid="past-batches">
      <Table<Batch> rowKey="batchId" size="small" pagination={false} dataSource={batches}
        onRow={() => ({ 'data-testid': 'past-batch' }) as React.HTMLAttributes<HTMLTableRowElement>} columns={[
        { title: t('文件', 'File'), dataIndex: 'fileName', render: (name: string, b) => b.batchId === current
          ? <strong aria-current="true">{name ?? b.batchId}</strong>
          : <Link to={`?batch=${encodeURIComponent(b.batchId)}`}>{name ?? b.batchId}</Link> },
        { title: t('部门', 'Department'), dataIndex: 'department', render: (d: string) => label('department', d) },
        { title: t('处理状态', 'Status'), dataIndex: 'status', render: (s: string) => label('batchStatus', s) },
        { title: t('读取 / 被拒', 'Read / rejected'), key: 'rows', render: (_, b) => `${b.rowsRead} / ${b.rowsRejected}` },
        { title: t('命中（预警 / 线索）', 'Hits (warnings / leads)'), key: 'hits', render: (_, b) => `${b.hits}（${b.monitoredHits} / ${b.leadsRaised}）` },
        { title: t('上传时间', 'Uploaded'), dataIndex: 'uploadedAt', render: (v: string) => formatTime(v) },
        { title: t('完成时间', 'Finished'), dataIndex: 'finishedAt', render: (v?: string | null) => formatTime(v) || '-' },
      ]} />
    </Card>
  );
}
