import { useState } from 'react';
import { Button, Input, Space, Table } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { query } from '../api';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/Problems';
import { useLoad } from '../components/useLoad';
import { useT } from '../i18n';
import { useProfile } from '../profile';

interface NoticeEntry { headName: string; villageGroup?: number; memberCount: number; reidentification: boolean; noticeFrom: string; noticeUntil: string }
interface Notice { village: string; printedOn: string; entries: NoticeEntry[] }

/** 公示名单: the village's notice as posted — names, group, household size and dates only; printable. */
export default function PublicNotice() {
  const t = useT();
  const profile = useProfile();
  const [village, setVillage] = useState(profile.region.length === 12 ? profile.region : '');
  const notice = useLoad<Notice>(/^\d{12}$/.test(village) ? `/api/leads/public-notice${query({ village })}` : null);

  return (
    <Page title={t('监测对象识别公示名单', 'Public notice of identification')} extra={
      <Space>
        <Input.Search aria-label={t('村区划代码', 'Village code')} placeholder={t('12位村区划代码', '12-digit village code')}
          defaultValue={village} onSearch={setVillage} style={{ width: 260 }} />
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!notice.data}>{t('打印', 'Print')}</Button>
      </Space>
    }>
      <ProblemAlert error={notice.error} />
      {notice.data && (
        <>
          <p>{t(`${notice.data.village} · 打印日期 ${notice.data.printedOn}`, `${notice.data.village} · printed ${notice.data.printedOn}`)}</p>
          <Table<NoticeEntry> rowKey={(e) => `${e.headName}-${e.noticeFrom}`} pagination={false} dataSource={notice.data.entries} columns={[
            { title: t('户主姓名', 'Head of household'), dataIndex: 'headName' },
            { title: t('村民小组', 'Group'), dataIndex: 'villageGroup' },
            { title: t('家庭人口', 'Size'), dataIndex: 'memberCount' },
            { title: t('类别', 'Kind'), dataIndex: 'reidentification', render: (v) => (v ? t('重新识别', 'Re-identification') : t('新识别', 'New')) },
            { title: t('公示期', 'Notice period'), key: 'period', render: (_, e) => `${e.noticeFrom} ~ ${e.noticeUntil}` },
          ]} />
          <p>{t('公示期内如有异议，请向村委会或乡镇人民政府反映。', 'Objections during the notice go to the village committee or the township.')}</p>
        </>
      )}
    </Page>
  );
}
