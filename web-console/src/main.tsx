import { createRoot } from 'react-dom/client';
import { WebStorageStateStore } from 'oidc-client-ts';
import { AuthProvider } from 'react-oidc-context';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { loadConfig } from './session';
import './print.css';

const root = createRoot(document.getElementById('root')!);

loadConfig()
  .then((config) => {
    root.render(
      <AuthProvider
        authority={config.issuer}
        client_id={config.clientId}
        redirect_uri={`${window.location.origin}/`}
        post_logout_redirect_uri={`${window.location.origin}/`}
        scope="openid"
        automaticSilentRenew
        // tokens stay in this tab's session storage only, gone when the tab closes
        userStore={new WebStorageStateStore({ store: window.sessionStorage })}
        onSigninCallback={(user) => {
          const target = typeof user?.state === 'string' ? user.state : '/';
          window.history.replaceState({}, document.title, target);
          // let the router see the address without the authorization code
          window.dispatchEvent(new PopStateEvent('popstate'));
        }}
      >
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </AuthProvider>,
    );
  })
  .catch((error) => {
    root.render(<p role="alert">控制台配置无法读取（{String(error)}），请联系系统管理员。</p>);
  });
