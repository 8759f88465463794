import { stringsFor } from '../i18n';
import { useAppSnapshot } from '../state/app-state';
import { ListScreen } from './list-screen';

/** `/`: the newest articles, urgent ones first. */
export function HomeRoute() {
  const s = stringsFor(useAppSnapshot().lang);
  return <ListScreen heading={s.latestNews} />;
}
