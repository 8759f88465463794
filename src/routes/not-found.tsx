import { Link } from 'wouter-preact';
import { stringsFor } from '../i18n';
import { useAppSnapshot } from '../state/app-state';

/** Any other address. */
export function NotFoundRoute() {
  const s = stringsFor(useAppSnapshot().lang);
  return (
    <section class="missing">
      <h1>{s.pageNotFound}</h1>
      <p>
        <Link href="/">{s.backHome}</Link>
      </p>
    </section>
  );
}
