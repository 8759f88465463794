/** What the screens see of downloads; the download code itself loads later (state/downloads.ts). */
import type { DownloadJob } from '../db';
import { Observable } from './store';

export interface Progress {
  received: number;
  total?: number;
}

export interface DownloadsSnapshot {
  /** URLs whose bytes are stored on the phone. */
  stored: ReadonlySet<string>;
  /** Jobs still owed (queued, running, or failed), by URL. */
  jobs: ReadonlyMap<string, DownloadJob>;
  /** Bytes received so far for running downloads. */
  progress: ReadonlyMap<string, Progress>;
  /** Downloads that could not be kept for lack of space since the reader last looked. */
  noRoom: number;
}

/** The state screens watch; it exists before the download code has loaded. */
export function createDownloadsState(): Observable<DownloadsSnapshot> {
  return new Observable<DownloadsSnapshot>({ stored: new Set(), jobs: new Map(), progress: new Map(), noRoom: 0 });
}


export interface Downloads {
  state: Observable<DownloadsSnapshot>;
  /** Re-plans after a sync or a save, then runs what is due. */
  planAndRun(): Promise<void>;
  /** Runs what is due now. */
  run(): Promise<void>;
  /** A reader's tap on an attachment: false when they declined a large download. */
  request(url: string, articleId: string, kind: DownloadJob['kind'], declaredBytes?: number, expectedType?: string): Promise<boolean>;
  /** Reloads what is stored (after freeing space). */
  refresh(): Promise<void>;
  clearNoRoom(): void;
}

