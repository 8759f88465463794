/** Providers and routes; no data access here. */
import { useEffect } from 'preact/hooks';
import { Route, Switch } from 'wouter-preact';
import { Layout } from './components/layout';
import { Notice } from './components/notice';
import { UpdatePrompt } from './components/update-prompt';
import { readLang, stringsFor } from './i18n';
import { CategoryRoute } from './routes/category';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { lazyScreen } from './routes/lazy';
import { whenIdle } from './shared/idle';
import { AppStatus } from './routes/status';
import { AppStateContext, useApp, useAppSnapshot, useDownloads, type AppState } from './state/app-state';

const loadingText = () => stringsFor(readLang()).loading;
const ArticleRoute = lazyScreen(() => import('./routes/article').then((m) => m.ArticleRoute), loadingText);
const SavedRoute = lazyScreen(() => import('./routes/saved').then((m) => m.SavedRoute), loadingText);
const SearchRoute = lazyScreen(() => import('./routes/search').then((m) => m.default), loadingText);
const SettingsRoute = lazyScreen(() => import('./routes/settings').then((m) => m.default), loadingText);
const StorageRoute = lazyScreen(() => import('./routes/storage').then((m) => m.default), loadingText);

/**
 * Once the first check is over and the phone is idle, the article screen and its sanitizer load,
 * so a tap opens an article at once (on a first visit, not while the feed is still coming).
 */
function preloadArticleScreen(app: AppState): void {
  // The article screen's code loads its sanitizer in turn.
  void app.started.then(() => whenIdle(() => ArticleRoute.preload()));
}

export function App({ app }: { app: AppState }) {
  useEffect(() => preloadArticleScreen(app), [app]);
  return (
    <AppStateContext.Provider value={app}>
      <Shell />
    </AppStateContext.Provider>
  );
}

function Shell() {
  const app = useApp();
  const snap = useAppSnapshot();
  const { noRoom } = useDownloads();
  const s = stringsFor(snap.lang);
  return (
    <Layout
      brand={snap.feedInfo?.title || s.appName}
      skipLabel={s.skipToContent}
      homeLabel={s.home}
      navLabel={s.mainNav}
      nav={[
        { href: '/search', label: s.navSearch },
        { href: '/saved', label: s.navSaved },
        { href: '/settings', label: s.navSettings },
        { href: '/storage', label: s.navStorage },
      ]}
      banner={
        <>
          {snap.applyUpdate && (
            <UpdatePrompt
              text={s.updateAvailable}
              acceptLabel={s.updateNow}
              laterLabel={s.updateLater}
              onAccept={snap.applyUpdate}
              onLater={() => app.state.set({ applyUpdate: undefined })}
            />
          )}
          {snap.superseded && <Notice text={s.supersededNotice} dismissLabel={s.reload} onDismiss={() => location.reload()} />}
          {noRoom > 0 && <Notice text={s.noRoomNotice(noRoom)} dismissLabel={s.dismiss} onDismiss={app.downloads.clearNoRoom} />}
        </>
      }
      footer={s.version(__APP_VERSION__)}
      status={<AppStatus />}
    >
      <Switch>
        <Route path="/" component={HomeRoute} />
        <Route path="/category/*" component={CategoryRoute} />
        <Route path="/article/*" component={ArticleRoute} />
        <Route path="/search" component={SearchRoute} />
        <Route path="/saved" component={SavedRoute} />
        <Route path="/settings" component={SettingsRoute} />
        <Route path="/storage" component={StorageRoute} />
        <Route component={NotFoundRoute} />
      </Switch>
    </Layout>
  );
}
