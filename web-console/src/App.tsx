import { Suspense, useEffect, useMemo, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Result, Select, Space, Spin, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useAuth } from 'react-oidc-context';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { setAccessTokenSource, setLanguage } from './api';
import { LanguageContext, useLabel, useT, type Language } from './i18n';
import { HOME, screensFor } from './navigation';
import { OutboxBanner } from './offline/OutboxBanner';
import { ProfileContext } from './profile';
import { hasRole, profileOf, type Profile } from './session';
import { theme } from './theme';

export function App() {
  const [language, setShownLanguage] = useState<Language>(() =>
    localStorage.getItem('fangpin.language') === 'en' ? 'en' : 'zh');
  useEffect(() => {
    localStorage.setItem('fangpin.language', language);
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
    setLanguage(language === 'zh' ? 'zh-CN' : 'en');
  }, [language]);

  return (
    <LanguageContext.Provider value={{ language, setLanguage: setShownLanguage }}>
      <ConfigProvider locale={language === 'zh' ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}
        renderEmpty={() => <Typography.Text type="secondary">{language === 'zh' ? '暂无' : 'None'}</Typography.Text>}>
        <AntApp>
          <SignedIn />
        </AntApp>
      </ConfigProvider>
    </LanguageContext.Provider>
  );
}

function SignedIn() {
  const auth = useAuth();
  const t = useT();
  const location = useLocation();
  setAccessTokenSource(() => auth.user?.access_token);

  if (auth.isLoading || auth.activeNavigator) {
    return <Spin fullscreen tip={t('正在登录…', 'Signing in…')} />;
  }
  if (!auth.isAuthenticated || !auth.user) {
    return (
      <main>
        <Result
          status="info"
          title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('防止返贫动态监测和帮扶系统', 'Fangpin: preventing a return to poverty')}</h1>}
          subTitle={auth.error ? t(`登录失败：${auth.error.message}`, `Sign-in failed: ${auth.error.message}`)
            : t('请使用统一身份认证账号登录。', 'Sign in with your organisation account.')}
          extra={[
            <Button key="login" type="primary" size="large"
              onClick={() => auth.signinRedirect({ state: location.pathname + location.search })}>
              {t('登录', 'Sign in')}
            </Button>,
            <LanguageSwitch key="language" />,
          ]}
        />
      </main>
    );
  }
  return <Console profile={profileOf(auth.user)} />;
}

function LanguageSwitch() {
  const t = useT();
  return (
    <LanguageContext.Consumer>
      {({ language, setLanguage: choose }) => (
        <Select aria-label={t('界面语言', 'Language')} value={language} onChange={choose} style={{ width: 110 }}
          options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'English' }]} />
      )}
    </LanguageContext.Consumer>
  );
}

function Console({ profile }: { profile: Profile }) {
  const auth = useAuth();
  const t = useT();
  const label = useLabel();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = useMemo(() => screensFor(profile.roles), [profile.roles]);
  const home = profile.roles.map((role) => HOME[role])[0];
  const selected = screens.filter((s) => !s.hidden && location.pathname.startsWith(s.path))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;

  if (screens.length === 0) {
    return <Result status="403" title={t('您的账号没有可用的角色，请联系系统管理员。', 'Your account has no role here.')} />;
  }
  return (
    <ProfileContext.Provider value={profile}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
          <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 18 }}>{t('防贫', 'Fangpin')}</div>
          <nav aria-label={t('主菜单', 'Main menu')}>
            <Menu mode="inline" selectedKeys={selected ? [selected] : []}
              items={screens.filter((s) => !s.hidden).map((s) => ({ key: s.path, icon: s.icon, label: t(s.zh, s.en) }))}
              onClick={({ key }) => navigate(key)} />
          </nav>
        </Layout.Sider>
        <Layout>
          <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end' }}>
            <Space>
              <Typography.Text>
                {profile.name} · {profile.roles.map((role) => label('role', role)).join('、')} · {profile.region}
              </Typography.Text>
              <LanguageSwitch />
              <Button icon={<LogoutOutlined />} onClick={() => auth.signoutRedirect()}>{t('退出', 'Sign out')}</Button>
            </Space>
          </Layout.Header>
          <Layout.Content style={{ margin: 24 }}>
            <main>
              {hasRole(profile, 'VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER') && <OutboxBanner />}
              <Suspense fallback={<Spin />}>
                <Routes>
                  {screens.map((screen) => (
                    <Route key={screen.path} path={screen.path} element={<screen.component />} />
                  ))}
                  <Route path="*" element={<Navigate to={home} replace />} />
                </Routes>
              </Suspense>
            </main>
          </Layout.Content>
        </Layout>
      </Layout>
    </ProfileContext.Provider>
  );
}
