import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  AlertOutlined, AuditOutlined, CloudUploadOutlined, DashboardOutlined, FileSearchOutlined, FormOutlined,
  HomeOutlined, NotificationOutlined, ProfileOutlined, SettingOutlined, TeamOutlined, UnorderedListOutlined,
} from '@ant-design/icons';
import type { Role } from './session';

const READERS: Role[] = ['VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER', 'SUPERVISOR', 'INSPECTOR', 'ADMIN'];
const REGISTRARS: Role[] = ['VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER'];

/** A screen of the console: each is its own chunk, loaded when a role that may use it opens it. */
export interface Screen {
  path: string;
  zh: string;
  en: string;
  icon?: ReactNode;
  roles: Role[];
  /** Not in the menu: reached from a list. */
  hidden?: boolean;
  component: LazyExoticComponent<ComponentType>;
}

export const SCREENS: Screen[] = [
  { path: '/worklist', zh: '工作台', en: 'Worklist', icon: <HomeOutlined />, roles: ['VILLAGE_OFFICER'],
    component: lazy(() => import('./screens/Worklist')) },
  { path: '/leads', zh: '线索与识别', en: 'Leads', icon: <UnorderedListOutlined />, roles: READERS,
    component: lazy(() => import('./screens/LeadQueue')) },
  { path: '/leads/:leadId', zh: '识别认定', en: 'Identification case', roles: READERS, hidden: true,
    component: lazy(() => import('./screens/LeadCase')) },
  { path: '/households/new', zh: '户登记', en: 'Register household', icon: <TeamOutlined />, roles: REGISTRARS,
    component: lazy(() => import('./screens/RegisterHousehold')) },
  { path: '/leads/new', zh: '线索上报', en: 'Report lead', icon: <AlertOutlined />, roles: REGISTRARS,
    component: lazy(() => import('./screens/ReportLead')) },
  { path: '/monitoring/new', zh: '月度监测', en: 'Monthly record', icon: <FormOutlined />,
    roles: ['VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER'], component: lazy(() => import('./screens/MonthlyRecord')) },
  { path: '/eliminations', zh: '消除与回退审核', en: 'Eliminations', icon: <AuditOutlined />,
    roles: ['TOWNSHIP_REVIEWER', 'COUNTY_APPROVER'], component: lazy(() => import('./screens/EliminationQueue')) },
  { path: '/public-notice', zh: '公示名单', en: 'Public notice', icon: <NotificationOutlined />, roles: REGISTRARS,
    component: lazy(() => import('./screens/PublicNotice')) },
  { path: '/households', zh: '户查询', en: 'Households', icon: <ProfileOutlined />, roles: READERS,
    component: lazy(() => import('./screens/HouseholdSearch')) },
  { path: '/households/:householdId', zh: '户档案', en: 'Household', roles: READERS, hidden: true,
    component: lazy(() => import('./screens/HouseholdPage')) },
  { path: '/events', zh: '事件日志', en: 'Event log', icon: <FileSearchOutlined />, roles: READERS,
    component: lazy(() => import('./screens/EventLog')) },
  { path: '/department-data', zh: '行业部门数据', en: 'Department data', icon: <CloudUploadOutlined />,
    roles: ['DEPARTMENT_OFFICER', 'COUNTY_APPROVER'], component: lazy(() => import('./screens/DepartmentData')) },
  { path: '/dashboard', zh: '统计分析', en: 'Dashboard', icon: <DashboardOutlined />, roles: READERS,
    component: lazy(() => import('./screens/Dashboard')) },
  { path: '/policy', zh: '政策参数', en: 'Policy', icon: <SettingOutlined />, roles: READERS,
    component: lazy(() => import('./screens/Policy')) },
];

/** Where each role starts its day. */
export const HOME: Record<Role, string> = {
  VILLAGE_OFFICER: '/worklist',
  TOWNSHIP_REVIEWER: '/leads',
  COUNTY_APPROVER: '/leads',
  DEPARTMENT_OFFICER: '/department-data',
  SUPERVISOR: '/households',
  INSPECTOR: '/events',
  ADMIN: '/policy',
};

export function screensFor(roles: Role[]): Screen[] {
  return SCREENS.filter((screen) => screen.roles.some((role) => roles.includes(role)));
}
