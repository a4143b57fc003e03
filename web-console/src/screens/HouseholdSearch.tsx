import { Button, Input, Select, Space, Table } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { query } from '../api';
import { GradeTag } from '../components/GradeTag';
import { IdNumber } from '../components/IdNumber';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/Problems';
import type { HouseholdFound, HouseholdPage } from '../components/types';
import { usePaged } from '../components/useLoad';
import { useOptions, useT } from '../i18n';

/** The filters the list takes from the address, so that a dashboard figure can lead straight to its households. */
export const SEARCH_FILTERS = ['region', 'name', 'status', 'objectType', 'warningLevel'] as const;

/**
 * 户查询: the households within the user's jurisdiction (or a township or village of it), by the head's name, status,
 * object type and warning level, in order of village; or straight to one household by its number. The head's ID
 * number comes masked for every role that must not see it in full.
 */
export default function HouseholdSearch() {
  const t = useT();
  const options = useOptions();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(SEARCH_FILTERS.map((key) => [key, params.get(key) ?? undefined]));
  const households = usePaged<HouseholdFound, HouseholdPage>(`/api/timeline/households${query({ ...filters, size: 50 })}`,
    (p) => p.households, (p) => p.nextCursor);

  const set = (key: (typeof SEARCH_FILTERS)[number], value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value.trim());
    else next.delete(key);
    setParams(next);
  };
  const levels = [
    { value: 'I_RED', label: t('Ⅰ级 红色预警', 'Level I (red)') },
    { value: 'II_YELLOW', label: t('Ⅱ级 黄色预警', 'Level II (yellow)') },
    { value: 'III_BLUE', label: t('Ⅲ级 蓝色预警', 'Level III (blue)') },
  ];

  return (
    <Page title={t('户查询', 'Find a household')}>
      <Space wrap>
        <Input.Search aria-label={t('户编号', 'Household number')} placeholder={t('输入户编号直接打开', 'Household number')}
          enterButton={t('打开', 'Open')} style={{ width: 380 }} onSearch={(id) => id.trim() && navigate(`/households/${id.trim()}`)} />
        <Input.Search aria-label={t('区划代码（乡镇或村）', 'Region code (township or village)')} placeholder={t('乡镇或村区划代码', 'Township or village code')}
          defaultValue={filters.region} allowClear style={{ width: 240 }} onSearch={(code) => set('region', code)} />
        <Input.Search aria-label={t('户主姓名', 'Head of household')} placeholder={t('户主姓名（包含）', 'Head of household (contains)')}
          defaultValue={filters.name} allowClear style={{ width: 220 }} onSearch={(name) => set('name', name)} />
        <Select aria-label={t('状态', 'Status')} placeholder={t('状态', 'Status')} allowClear style={{ width: 160 }}
          value={filters.status} options={options('status')} onChange={(v) => set('status', v)} />
        <Select aria-label={t('监测对象类型', 'Object type')} placeholder={t('监测对象类型', 'Object type')} allowClear style={{ width: 180 }}
          value={filters.objectType} options={options('objectType')} onChange={(v) => set('objectType', v)} />
        <Select aria-label={t('预警等级', 'Warning level')} placeholder={t('预警等级', 'Warning level')} allowClear style={{ width: 170 }}
          value={filters.warningLevel} options={levels} onChange={(v) => set('warningLevel', v)} />
      </Space>
      <ProblemAlert error={households.error} />
      <Table<HouseholdFound> rowKey="householdId" dataSource={households.items} loading={households.loading} pagination={false} columns={[
        { title: t('户主', 'Head of household'), dataIndex: 'headName', render: (name, h) => <Link to={`/households/${h.householdId}`}>{name || h.householdId}</Link> },
        { title: t('身份证号', 'ID number'), dataIndex: 'headIdNumber', render: (value) => <IdNumber value={value} /> },
        { title: t('村', 'Village'), dataIndex: 'regionCode' },
        { title: t('状态', 'Status'), key: 'status', render: (_, h) => h.status.name },
        { title: t('监测对象类型', 'Object type'), key: 'objectType', render: (_, h) => h.objectType?.name },
        { title: t('预警等级', 'Warning level'), key: 'warningLevel', render: (_, h) => <GradeTag grade={h.warningLevel?.code} /> },
      ]} />
      {households.hasMore && <Button onClick={households.more}>{t('加载更多', 'More')}</Button>}
    </Page>
  );
}
