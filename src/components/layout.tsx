import type { ComponentChildren } from 'preact';
import { Link } from 'wouter-preact';

export interface LayoutProps {
  brand: string;
  skipLabel: string;
  homeLabel: string;
  navLabel: string;
  nav: { href: string; label: string }[];
  status: ComponentChildren;
  banner?: ComponentChildren;
  footer: string;
  children: ComponentChildren;
}

/** The frame of every screen: skip link, header with navigation, status, main content. */
export function Layout(p: LayoutProps) {
  return (
    <>
      <a class="skip-link" href="#main">
        {p.skipLabel}
      </a>
      <header class="site-header">
        <Link href="/" class="brand" aria-label={`${p.brand} – ${p.homeLabel}`}>
          {p.brand}
        </Link>
        <nav class="site-nav" aria-label={p.navLabel}>
          <ul>
            {p.nav.map((n) => (
              <li key={n.href}>
                <Link href={n.href}>{n.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {p.banner}
      {p.status}
      <main id="main" tabIndex={-1}>
        {p.children}
      </main>
      <footer class="site-footer">
        <small class="app-version">{p.footer}</small>
      </footer>
    </>
  );
}
