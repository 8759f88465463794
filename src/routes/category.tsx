import { useLocation } from 'wouter-preact';
import { stringsFor } from '../i18n';
import { useAppSnapshot } from '../state/app-state';
import { ListScreen } from './list-screen';
import { pathParam } from './path-param';
import { categoryTitle } from './present';

/** `/category/<id>`: one category's articles. */
export function CategoryRoute() {
  useLocation(); // re-render on navigation
  const snap = useAppSnapshot();
  const id = pathParam('/category/');
  const title = categoryTitle(snap.feedInfo, id) ?? id;
  return <ListScreen category={id} heading={title || stringsFor(snap.lang).categories} />;
}
