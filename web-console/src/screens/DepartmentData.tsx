import { useEffect, useState } from 'react';
import { Button, Card, Descriptions, Progress, Select, Space, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { get, upload } from '../api';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/Problems';
import { usePaged } from '../components/useLoad';
import { useLabel, useOptions, useT } from '../i18n';
import { useProfile } from '../profile';

interface Batch {
  batchId: string; department: string; fileName: string; status: string; duplicateOf?: string; rowsRead: number;
  rowsRejected: number; rowsMatched: number; hits: number; monitoredHits: number; leadsRaised: number; failure?: string;
}
interface Rejection { lineNo: number; reason: string }
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FINISHED = ['COMPLETED', 'FAILED', 'DUPLICATE'];
const POLL_MS = 1500;

/** 行业部门数据: a department's CSV/XLSX batch, uploaded with progress, then screened: rejected rows and hits. */
export default function DepartmentData() {
  const t = useT();
  const options = useOptions();
  const profile = useProfile();
  const [department, setDepartment] = useState(profile.department);
  const [percent, setPercent] = useState<number>();
  const [error, setError] = useState<unknown>();
  const [batchId, setBatchId] = useState<string>();
  const [batch, setBatch] = useState<Batch>();

  useEffect(() => {
    if (!batchId) return;
    let current = true;
    const poll = async () => {
      try {
        const details = await get<{ batch: Batch }>(`/api/department-data/batches/${batchId}`);
        if (!current) return;
        setBatch(details.batch);
        if (!FINISHED.includes(details.batch.status)) window.setTimeout(poll, POLL_MS);
      } catch (e) {
        if (current) setError(e);
      }
    };
    poll();
    return () => { current = false; };
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
