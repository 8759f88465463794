/**
 * Article HTML is hostile until it passes here. DOMPurify removes scripts, handlers, frames,
 * objects, forms and styles; the hook then resolves URLs against the feed, keeps only safe
 * schemes and makes links open outside the app. Loaded on demand (article screens only).
 */
import DOMPurify from 'dompurify';

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const MEDIA_SCHEMES = new Set(['http:', 'https:']);

const CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'dialog', 'template', 'base', 'link', 'meta'],
  FORBID_ATTR: ['style', 'class', 'id', 'srcset', 'sizes', 'ping', 'autofocus', 'tabindex', 'contenteditable', 'formaction', 'usemap'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  SANITIZE_NAMED_PROPS: true,
  // Under the app's Trusted Types policy only DOMPurify's TrustedHTML may reach innerHTML.
  RETURN_TRUSTED_TYPE: true,
};

const STRING_CONFIG = { ...CONFIG, RETURN_TRUSTED_TYPE: false };

let baseUrl = 'about:blank';
/** In text-only mode, the images that may still show (stored on the phone); others are removed. */
let allowedImages: ReadonlySet<string> | undefined;

function safeUrl(value: string, schemes: Set<string>): string | undefined {
  try {
    const url = new URL(value.trim(), baseUrl);
    return schemes.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  for (const attr of ['href', 'src', 'poster', 'cite', 'action', 'xlink:href'] as const) {
    const value = node.getAttribute(attr);
    if (value === null) continue;
    const url = safeUrl(value, attr === 'href' ? LINK_SCHEMES : MEDIA_SCHEMES);
    if (url) node.setAttribute(attr, url);
    else node.removeAttribute(attr);
  }
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src');
    if (!src || (allowedImages && !allowedImages.has(src))) {
      node.remove();
      return;
    }
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
  }
  sortAttributes(node);
});

/**
 * Puts attributes in name order. DOMPurify re-adds the attributes it keeps in reverse order;
 * a fixed order makes sanitizing idempotent (sanitize(sanitize(x)) === sanitize(x)).
 */
function sortAttributes(node: Element): void {
  const attrs = Array.from(node.attributes, (a) => [a.name, a.value] as const);
  const sorted = [...attrs].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  if (sorted.every((a, i) => a[0] === attrs[i]![0])) return;
  for (const [name] of attrs) node.removeAttribute(name);
  for (const [name, value] of sorted) node.setAttribute(name, value);
}

/**
 * Safe HTML for an article body; relative URLs resolve against `base` (the feed's address).
 * With `onlyImages`, images not in it are dropped (their captions stay).
 */
export function sanitizeArticleHtml(html: string, base: string, onlyImages?: ReadonlySet<string>): string {
  baseUrl = base;
  allowedImages = onlyImages;
  try {
    // Re-parsing sanitized HTML can rebuild it differently (nesting the parser does not allow);
    // sanitize again until it is stable, so what the DOM gets is a fixed point (idempotent).
    // The pass that confirms the fixed point also gives the result: a TrustedHTML where the
    // browser has Trusted Types, a string elsewhere; both go to innerHTML.
    let out = DOMPurify.sanitize(html, STRING_CONFIG);
    let safe = DOMPurify.sanitize(out, CONFIG);
    for (let pass = 0; pass < 3 && String(safe) !== out; pass++) {
      out = String(safe);
      safe = DOMPurify.sanitize(out, CONFIG);
    }
    return safe as unknown as string;
  } finally {
    allowedImages = undefined;
  }
}
