import { Link } from 'wouter-preact';

export interface CategoryNavProps {
  label: string;
  allLabel: string;
  categories: { id: string; title: string }[];
  /** The current category id; undefined on the home list. */
  current?: string;
}

/** Category filters, in the feed's order; the current one is marked for screen readers too. */
export function CategoryNav({ label, allLabel, categories, current }: CategoryNavProps) {
  return (
    <nav class="categories" aria-label={label}>
      <ul>
        <li>
          <Link href="/" aria-current={current === undefined ? 'page' : undefined}>
            {allLabel}
          </Link>
        </li>
        {categories.map((c) => (
          <li key={c.id}>
            <Link href={`/category/${encodeURIComponent(c.id)}`} aria-current={current === c.id ? 'page' : undefined}>
              {c.title}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
