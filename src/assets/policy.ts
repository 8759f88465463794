/** When bytes may go over the network without asking: the reader's data mode and the connection. */
import { LARGE_FILE_BYTES } from '../shared/constants';
import type { DataMode } from '../db/schema';

export type Link = 'wifi' | 'cellular' | 'unknown';

export interface NetworkFacts {
  link: Link;
  /** Save-Data / navigator.connection.saveData */
  saveData: boolean;
}

/** What the browser says about the connection (Chromium tells; Safari and Firefox mostly do not). */
export function readNetworkFacts(nav: object = navigator): NetworkFacts {
  const c = (nav as { connection?: { type?: string; saveData?: boolean } }).connection;
  const type = c?.type;
  const link: Link =
    type === 'wifi' || type === 'ethernet' ? 'wifi' : type === 'cellular' || type === 'wimax' || type === 'bluetooth' ? 'cellular' : 'unknown';
  return { link, saveData: c?.saveData === true };
}

export type Decision = 'go' | 'wait' | 'ask';

/**
 * Automatic downloads (the app decides): 'go' now, or 'wait' for a better moment. Data mode
 * `never` is text only; `wifi` waits unless the browser says Wi-Fi; Save-Data waits; a large file
 * waits off Wi-Fi. Saved and urgent articles' files follow the same rule.
 */
export function decideAuto(mode: DataMode, net: NetworkFacts, bytes: number | undefined): Decision {
  if (mode === 'never' || net.saveData) return 'wait';
  if (mode === 'wifi' && net.link !== 'wifi') return 'wait';
  if (net.link !== 'wifi' && bytes !== undefined && bytes > LARGE_FILE_BYTES) return 'wait';
  return 'go';
}

/** A reader's tap: 'go', or 'ask' first when a large file would go over (possibly) mobile data. */
export function decideTap(net: NetworkFacts, bytes: number | undefined): Decision {
  if (net.link !== 'wifi' && bytes !== undefined && bytes > LARGE_FILE_BYTES) return 'ask';
  return 'go';
}
