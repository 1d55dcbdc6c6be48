// The workbench: who is signed in decides which screens there are; the URL's fragment decides which one is shown.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get, remove, setCsrf, whenSignedOut, type Me, type Permission } from './api.js';
import { href, navigate, useRoute } from './route.js';
import { AuditScreen } from './screens/audit.js';
import { ConsoleScreen } from './screens/console.js';
import { DocumentScreen } from './screens/document.js';
import { EntityScreen } from './screens/entity.js';
import { SearchScreen } from './screens/search.js';
import { SignIn } from './screens/sign-in.js';
import { UsersScreen } from './screens/users.js';
import { WatchlistScreen } from './screens/watchlist.js';
import { Empty } from './ui.js';
import { lazyComponent } from './lazy.js';
import './style.css';

const NetworkScreen = lazyComponent(() => import('./screens/network.js').then((m) => m.NetworkScreen), 'network screen');
const MapScreen = lazyComponent(() => import('./screens/map.js').then((m) => m.MapScreen), 'map screen');

interface Screen {
  key: string;
  label: string;
  needs: Permission;
  /** Shown in the navigation (documents and entities are reached from the others). */
  listed: boolean;
}
const screens: Screen[] = [
  { key: 'search', label: 'Search', needs: 'haul:read', listed: true },
  { key: 'document', label: 'Document', needs: 'haul:read', listed: false },
  { key: 'entity', label: 'Entity', needs: 'haul:read', listed: false },
  { key: 'network', label: 'Network', needs: 'haul:read', listed: true },
  { key: 'map', label: 'Map', needs: 'haul:read', listed: true },
  { key: 'watchlist', label: 'Watchlist', needs: 'watchlist:read', listed: true },
  { key: 'console', label: 'Checkpoint', needs: 'screen', listed: true },
  { key: 'audit', label: 'Audit', needs: 'audit:read', listed: true },
  { key: 'users', label: 'Users', needs: 'users:manage', listed: true },
];

function Workbench({ me, onSignOut }: { me: Me; onSignOut: () => void }) {
  const route = useRoute();
  const allowed = screens.filter((s) => me.permissions.includes(s.needs));
  const current = screens.find((s) => s.key === route.screen);
  useEffect(() => {
    // The bare page opens the first screen this user may use.
    if (!route.screen && allowed[0]) navigate(href(allowed[0].key), { replace: true });
  }, [route.screen]);
  useEffect(() => {
    document.title = current ? `${current.label} · Vigil` : 'Vigil';
  }, [current?.key]);

  let body;
  if (!current) {
    body = allowed.length === 0 ? (
      <Empty>
        <h1>Nothing to show for this role</h1>
        <p>The role {me.role ?? 'of this account'} has no screens in the workbench. Administrators manage users with <code>vigil users</code>; ask one for an analyst, watchlist-manager, screener or auditor account.</p>
      </Empty>
    ) : <Empty><p>There is no screen called “{route.screen}”.</p></Empty>;
  } else if (!me.permissions.includes(current.needs)) {
    body = (
      <Empty>
        <h1>Not open to your role</h1>
        <p role="alert">Your role ({me.role}) may not use the {current.label.toLowerCase()} screen. If your work needs it, ask an administrator.</p>
      </Empty>
    );
  } else {
    const props = { route, me };
    body = {
      search: <SearchScreen {...props} />,
      document: <DocumentScreen {...props} />,
      entity: <EntityScreen {...props} />,
      network: <NetworkScreen {...props} />,
      map: <MapScreen {...props} />,
      watchlist: <WatchlistScreen {...props} />,
      console: <ConsoleScreen {...props} />,
      audit: <AuditScreen {...props} />,
      users: <UsersScreen {...props} />,
    }[current.key];
  }

  return (
    <>
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <span class="brand">Vigil</span>
        <nav aria-label="Screens">
          {allowed.filter((s) => s.listed).map((s) => (
            <a key={s.key} href={href(s.key)} aria-current={current?.key === s.key ? 'page' : undefined}>{s.label}</a>
          ))}
        </nav>
        <span class="who" data-testid="who">{me.actor.replace(/^user:/, '')} · {me.role}{me.collections === 'all' ? ' · all collections' : me.collections.length ? ` · ${me.collections.join(', ')}` : ''}</span>
        <button type="button" class="quiet" onClick={onSignOut}>Sign out</button>
      </header>
      <main id="main" tabIndex={-1}>{body}</main>
    </>
  );
}

function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [checked, setChecked] = useState(false);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    whenSignedOut((message) => {
      setCsrf(null);
      setMe(null);
      setNotice(message);
    });
    // A session that is still open (a reload) needs no new sign-in.
    get<Me>('/api/me').then(
      (who) => {
        setCsrf(who.csrf ?? null);
        setMe(who);
        setChecked(true);
      },
      () => setChecked(true),
    );
  }, []);
  if (!checked) return null;
  if (!me) return <SignIn notice={notice} onSignedIn={(who) => { setNotice(''); setMe(who); }} />;
  const signOut = async () => {
    await remove('/api/session').catch(() => undefined);
    setCsrf(null);
    setMe(null);
    setNotice('You have signed out.');
    navigate('#/', { replace: true });
  };
  return <Workbench me={me} onSignOut={signOut} />;
}

render(<App />, document.getElementById('app')!);
