import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, List, Space, Tag } from 'antd';
import { CloudSyncOutlined, DisconnectOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useT } from '../i18n';
import { discard, onOutboxChange, pending, synchronise, type PendingWrite } from './outbox';
import { TONE } from '../components/GradeTag';

/** The entries waiting for the network (待同步), sent as soon as it returns; refusals stay until dealt with. */
export function OutboxBanner() {
  const t = useT();
  const [entries, setEntries] = useState<PendingWrite[]>([]);
  const [online, setOnline] = useState(navigator.onLine);
  const refresh = useCallback(() => { pending().then(setEntries); }, []);

  useEffect(() => {
    refresh();
    const stop = onOutboxChange(refresh);
    const connected = () => { setOnline(true); synchronise(); };
    const disconnected = () => setOnline(false);
    window.addEventListener('online', connected);
    window.addEventListener('offline', disconnected);
    if (navigator.onLine) synchronise();
    return () => {
      stop();
      window.removeEventListener('online', connected);
      window.removeEventListener('offline', disconnected);
    };
  }, [refresh]);

  if (online && entries.length === 0) return null;
  return (
    <Alert className="no-print" style={{ marginBottom: 16 }} type={online ? 'info' : 'warning'} showIcon
      icon={online ? <CloudSyncOutlined /> : <DisconnectOutlined />}
      title={online ? t(`${entries.length} 条记录待同步`, `${entries.length} entries waiting to be sent`)
        : t(`网络未连接：录入的记录保存在本机，联网后自动同步（${entries.length} 条待同步）`,
          `Offline: entries are kept on this device and sent when the network returns (${entries.length} waiting)`)}
      description={entries.length > 0 && (
        <List size="small" dataSource={entries} renderItem={(entry) => (
          <List.Item data-testid="outbox-entry" actions={entry.refusal ? [
            <Button key="discard" size="small" onClick={() => discard(entry.idempotencyKey)}>{t('放弃', 'Discard')}</Button>,
          ] : []}>
            <Space wrap>
              {entry.refusal
                ? <Tag color={TONE.red} icon={<ExclamationCircleOutlined />}>{t('未被接受', 'Refused')}</Tag>
                : <Tag color={TONE.yellow} icon={<CloudSyncOutlined />}>{t('待同步', 'Waiting')}</Tag>}
              <span>{entry.label}</span>
              <span>{new Date(entry.enteredAt).toLocaleString()}</span>
              {entry.refusal && <span role="alert">{entry.refusal}</span>}
            </Space>
          </List.Item>
        )} />
      )}
      action={online && entries.some((e) => !e.refusal)
        ? <Button size="small" onClick={() => synchronise()}>{t('立即同步', 'Send now')}</Button> : undefined}
    />
  );
}
