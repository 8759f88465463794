/**
 * When the open app checks the feed: at start, when the phone comes back online, when the app
 * becomes visible, and on an interval that backs off (with jitter) after failures. One check in
 * flight at a time. Timers and clock are injected, so it is tested without waiting.
 */
import { MAX_CHECK_BACKOFF_MS, MIN_CHECK_SPACING_MS } from '../shared/constants';

export type Trigger = 'start' | 'online' | 'visible' | 'interval' | 'manual';
export type CheckResult = 'ok' | 'failed';

export interface SchedulerDeps {
  check(trigger: Trigger): Promise<CheckResult>;
  /** The interval, read afresh each time (config.json may change it). */
  intervalMs: number | (() => number);
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface Scheduler {
  /** Asks for a check; ignored while one runs, or (except 'manual') right after one. */
  trigger(trigger: Trigger): Promise<void>;
  /** The delay until the next interval check, given the failures so far. */
  nextDelay(): number;
  stop(): void;
  readonly failures: number;
  readonly inFlight: boolean;
}

/** Delay after `failures` consecutive failures: the interval doubled each time, capped, ±20 % jitter. */
export function backoffDelay(intervalMs: number, failures: number, random = Math.random): number {
  const base = Math.min(intervalMs * 2 ** failures, Math.max(intervalMs, MAX_CHECK_BACKOFF_MS));
  return Math.round(base * (0.8 + random() * 0.4));
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let failures = 0;
  let running: Promise<void> | undefined;
  let lastEnded = -Infinity;
  let timer: unknown;
  let stopped = false;

  const interval = () => (typeof deps.intervalMs === 'function' ? deps.intervalMs() : deps.intervalMs);
  const nextDelay = () => (failures === 0 ? interval() : backoffDelay(interval(), failures, deps.random));

  function arm(): void {
    if (timer !== undefined) clearTimer(timer);
    if (!stopped) timer = setTimer(() => void trigger('interval'), nextDelay());
  }

  function trigger(why: Trigger): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) return running;
    if (why !== 'manual' && why !== 'interval' && now() - lastEnded < MIN_CHECK_SPACING_MS) return Promise.resolve();
    running = deps
      .check(why)
      .catch((): CheckResult => 'failed')
      .then((result) => {
        failures = result === 'ok' ? 0 : failures + 1;
      })
      .finally(() => {
        running = undefined;
        lastEnded = now();
        arm();
      });
    return running;
  }

  return {
    trigger,
    nextDelay,
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimer(timer);
    },
    get failures() {
      return failures;
    },
    get inFlight() {
      return running !== undefined;
    },
  };
}
