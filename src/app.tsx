/** Providers and routes; no data access here. */
import { Route, Switch } from 'wouter-preact';
import { Layout } from './components/layout';
import { stringsFor } from './i18n';
import { ArticleRoute } from './routes/article';
import { CategoryRoute } from './routes/category';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { AppStatus } from './routes/status';
import { AppStateContext, useAppSnapshot, type AppState } from './state/app-state';

export function App({ app }: { app: AppState }) {
  return (
    <AppStateContext.Provider value={app}>
      <Shell />
    </AppStateContext.Provider>
  );
}

function Shell() {
  const snap = useAppSnapshot();
  const s = stringsFor(snap.lang);
  return (
    <Layout brand={snap.feedInfo?.title || s.appName} skipLabel={s.skipToContent} homeLabel={s.home} status={<AppStatus />}>
      <Switch>
        <Route path="/" component={HomeRoute} />
        <Route path="/category/*" component={CategoryRoute} />
        <Route path="/article/*" component={ArticleRoute} />
        <Route component={NotFoundRoute} />
      </Switch>
    </Layout>
  );
}
