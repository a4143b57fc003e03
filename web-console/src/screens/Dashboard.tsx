import { useMemo, useState } from 'react';
import { Card, Col, Input, Row, Statistic, Table } from 'antd';
import { Link, useNavigate } from 'react-router';
import { query } from '../api';
import { Chart } from '../components/Chart';
import { GradeTag } from '../components/GradeTag';
import { Page } from '../components/Page';
import { ProblemAlert } from '../components/Problems';
import { useLoad } from '../components/useLoad';
import { useLabel, useT } from '../i18n';

interface Listed { householdId: string; regionCode: string; headName: string; status: string; openOverdueItems: number; monthsAboveMonitoringLine: number }
interface Listing { total: number; households: Listed[] }
interface Dashboard {
  region: string; year: number; byStatus: Record<string, number>; byObjectType: Record<string, number>;
  byWarningLevel: Record<string, number>; byTownship: Record<string, Record<string, number>>;
  months: Record<string, Record<string, number>>; eliminationDue: Listing; overdue: Listing;
}

/** 统计分析: where the households stand, what changed month by month, and what is late — each figure leads to the households. */
export default function DashboardScreen() {
  const t = useT();
  const label = useLabel();
  const navigate = useNavigate();
  const [region, setRegion] = useState<string>();
  const dashboard = useLoad<Dashboard>(`/api/dashboard${query({ region })}`);
  const d = dashboard.data;

  const charts = useMemo(() => {
    if (!d) return undefined;
    const bar = (counts: Record<string, number>, name: (code: string) => string) => ({
      xAxis: { type: 'category', data: Object.keys(counts).map(name) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: Object.values(counts), label: { show: true, position: 'top' } }],
    });
    const townships = Object.keys(d.byTownship);
    const statuses = [...new Set(townships.flatMap((town) => Object.keys(d.byTownship[town])))];
    const months = Object.keys(d.months).sort();
    const series = [...new Set(months.flatMap((m) => Object.keys(d.months[m])))];
    return {
      status: bar(d.byStatus, (c) => label('status', c)),
      objectType: bar(d.byObjectType, (c) => label('objectType', c)),
      townships: {
        legend: {}, xAxis: { type: 'category', data: townships }, yAxis: { type: 'value', minInterval: 1 },
        series: statuses.map((s) => ({ name: label('status', s), type: 'bar', stack: 'all', data: townships.map((town) => d.byTownship[town][s] ?? 0) })),
      },
      months: {
        legend: {}, xAxis: { type: 'category', data: months }, yAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({ name: label('series', s), type: 'line', data: months.map((m) => d.months[m][s] ?? 0) })),
      },
    };
  }, [d, label]);

  /** The household list (户查询) of the dashboard's region narrowed to one figure. */
  const households = (filter: Record<string, string>) => `/households${query({ region, ...filter })}`;
  // a chart reports the name of the bar clicked: find its code again
  const drill = (group: 'status' | 'objectType', counts: Record<string, number>, name: string) => {
    const code = Object.keys(counts).find((c) => label(group, c) === name);
    if (code) navigate(households({ [group]: code }));
  };

  const listing = (title: string, list?: Listing) => (
    <Card title={`${title}（${list?.total ?? 0}）`} size="small">
      <Table<Listed> size="small" rowKey="householdId" pagination={false} dataSource={list?.households ?? []} columns={[
        { title: t('户主', 'Head'), dataIndex: 'headName', render: (v, h) => <Link to={`/households/${h.householdId}`}>{v}</Link> },
        { title: t('村', 'Village'), dataIndex: 'regionCode' },
        { title: t('状态', 'Status'), dataIndex: 'status', render: (v) => label('status', v) },
        { title: t('逾期事项', 'Overdue'), dataIndex: 'openOverdueItems' },
      ]} />
    </Card>
  );

  return (
    <Page title={t('统计分析', 'Dashboard')} extra={
      <Input.Search aria-label={t('区划代码', 'Region code')} placeholder={t('区划代码（默认本辖区）', 'Region (default: yours)')} allowClear
        onSearch={(code) => setRegion(code || undefined)} style={{ width: 260 }} />
    }>
      <ProblemAlert error={dashboard.error} />
      {d && charts && (
        <Row gutter={[16, 16]}>
          <Col xs={24}>
            <Card size="small">
              <Row gutter={16}>
                {Object.entries(d.byStatus).map(([code, count]) => (
                  <Col key={code}><Link to={households({ status: code })}><Statistic title={label('status', code)} value={count} /></Link></Col>
                ))}
                <Col><Statistic title={t('应消未消', 'Due for elimination')} value={d.eliminationDue.total} /></Col>
                <Col><Statistic title={t('逾期未办', 'Overdue')} value={d.overdue.total} /></Col>
              </Row>
              <div style={{ marginTop: 12 }}>
                {t('预警等级：', 'Warning levels: ')}
                {Object.entries(d.byWarningLevel).map(([level, count]) => (
                  <Link key={level} to={households({ warningLevel: level })} style={{ marginRight: 12 }}><GradeTag grade={level} />{count}</Link>
                ))}
              </div>
            </Card>
          </Col>
          <Col xs={24} lg={12}><Card title={t('按状态（点击查看这些户）', 'By status (click for the households)')} size="small"><Chart label={t('按状态统计户数', 'Households by status')} option={charts.status}
            onSelect={(name) => drill('status', d.byStatus, name)} /></Card></Col>
          <Col xs={24} lg={12}><Card title={t('按监测对象类型（点击查看这些户）', 'By object type (click for the households)')} size="small"><Chart label={t('按监测对象类型统计户数', 'Households by object type')} option={charts.objectType}
            onSelect={(name) => drill('objectType', d.byObjectType, name)} /></Card></Col>
          <Col xs={24} lg={12}><Card title={t('按乡镇（点击查看该乡镇的户）', 'By township (click for its households)')} size="small">
            <Chart label={t('按乡镇统计户数', 'Households by township')} option={charts.townships} onSelect={(town) => navigate(`/households${query({ region: town })}`)} /></Card></Col>
          <Col xs={24} lg={12}><Card title={t(`${d.year} 年月度趋势`, `${d.year} by month`)} size="small"><Chart label={t('月度趋势', 'Monthly trend')} option={charts.months} /></Card></Col>
          <Col xs={24} lg={12}>{listing(t('应消未消', 'Due for elimination'), d.eliminationDue)}</Col>
          <Col xs={24} lg={12}>{listing(t('逾期未办', 'Overdue'), d.overdue)}</Col>
        </Row>
      )}
    </Page>
  );
}
