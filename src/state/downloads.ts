/** The page's download runner: plans, runs, retries on time, and reports progress to the screens. */
import { planDownloads, runDownloads, type JobOutcome } from '../assets/queue';
import { decideTap, readNetworkFacts } from '../assets/policy';
import type { DownloadJob, ReaderStore } from '../db';
import { createDownloadsState, type Downloads, type DownloadsSnapshot } from './downloads-state';
import type { Observable } from './store';

const MAX_TIMER_MS = 60 * 60 * 1000;

export function createDownloads(
  store: ReaderStore,
  confirmLarge: (bytes: number) => boolean,
  state: Observable<DownloadsSnapshot> = createDownloadsState(),
): Downloads {
  let running: Promise<void> | undefined;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function refresh(): Promise<void> {
    const [urls, jobs] = await Promise.all([store.storedAssetUrls(), store.listDownloads()]);
    state.set({ stored: new Set(urls), jobs: new Map(jobs.map((j) => [j.url, j])) });
  }

  function onProgress(url: string, received: number, total: number | undefined): void {
    const progress = new Map(state.get().progress);
    const before = progress.get(url);
    progress.set(url, { received, total });
    // Repaint at most once per percent (or per 64 KB when the size is unknown).
    const step = total ? total / 100 : 65_536;
    if (!before || received - before.received >= step || received === total) state.set({ progress });
  }

  function onSettled(job: DownloadJob, outcome: JobOutcome): void {
    const progress = new Map(state.get().progress);
    progress.delete(job.url);
    state.set({ progress, noRoom: state.get().noRoom + (outcome === 'no-room' ? 1 : 0) });
    void refresh();
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      await runDownloads({ store, network: () => readNetworkFacts(), onProgress, onSettled });
    } while (again);
    await refresh();
    scheduleNext();
  }

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = loop()
      .catch((e: unknown) => console.error('downloads', e))
      .finally(() => (running = undefined));
    return running;
  }

  function scheduleNext(): void {
    clearTimeout(timer);
    const next = Math.min(...[...state.get().jobs.values()].filter((j) => j.state === 'queued').map((j) => j.nextAttemptAt));
    if (!Number.isFinite(next)) return;
    timer = setTimeout(() => void run(), Math.min(Math.max(next - Date.now(), 1_000), MAX_TIMER_MS));
  }

  return {
    state,
    refresh,
    run,
    async planAndRun() {
      await planDownloads(store);
      await refresh();
      await run();
    },
    async request(url, articleId, kind, declaredBytes, expectedType) {
      if (decideTap(readNetworkFacts(), declaredBytes) === 'ask' && !confirmLarge(declaredBytes ?? 0)) return false;
      await store.enqueueDownloads([{ url, kind, articleIds: [articleId], declaredBytes, expectedType, origin: 'reader' }]);
      await refresh();
      void run();
      return true;
    },
    clearNoRoom() {
      state.set({ noRoom: 0 });
    },
  };
}

/** Resumes downloads a closed app left half-way: they start again from zero. */
export async function resumeInterrupted(store: ReaderStore): Promise<void> {
  await store.requeueInterruptedDownloads();
}
