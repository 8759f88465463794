import { describe, expect, it } from 'vitest';
import { backoffDelay, createScheduler, type CheckResult, type Trigger } from '../../src/sync/schedule';

const MIN = 60_000;

/** A scheduler on a fake clock: timers fire only when the test advances time. */
function harness(results: CheckResult[] = []) {
  let t = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 0;
  const calls: Trigger[] = [];
  let release: (() => void) | undefined;
  let hold = false;
  const s = createScheduler({
    intervalMs: 15 * MIN,
    now: () => t,
    random: () => 0.5,
    setTimer: (fn, ms) => {
      const id = ++nextId;
      timers.push({ at: t + ms, fn, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((x) => x.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    check: async (why) => {
      calls.push(why);
      if (hold) await new Promise<void>((r) => (release = r));
      return results.shift() ?? 'ok';
    },
  });
  return {
    s,
    calls,
    hold(on: boolean) {
      hold = on;
    },
    release: () => release?.(),
    pending: () => timers.map((x) => x.at - t),
    async advance(ms: number) {
      t += ms;
      for (const due of timers.filter((x) => x.at <= t)) {
        timers.splice(timers.indexOf(due), 1);
        due.fn();
      }
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe('update check scheduling', () => {
  it('checks at start, on the interval, when back online and when visible again', async () => {
    const h = harness();
    await h.s.trigger('start');
    expect(h.pending()).toEqual([15 * MIN]);
    await h.advance(15 * MIN);
    await h.advance(60_000);
    await h.s.trigger('online');
    await h.advance(60_000);
    await h.s.trigger('visible');
    expect(h.calls).toEqual(['start', 'interval', 'online', 'visible']);
  });

  it('keeps one check in flight; triggers during it share it', async () => {
    const h = harness();
    h.hold(true);
    const first = h.s.trigger('start');
    expect(h.s.inFlight).toBe(true);
    const second = h.s.trigger('online');
    void h.s.trigger('manual');
    h.release();
    await Promise.all([first, second]);
    expect(h.calls).toEqual(['start']);
  });

  it('lets events right after a check share it, but not the reader’s own refresh', async () => {
    const h = harness();
    await h.s.trigger('start');
    await h.s.trigger('visible');
    await h.s.trigger('online');
    await h.s.trigger('manual');
    expect(h.calls).toEqual(['start', 'manual']);
  });

  it('backs off after failures, with jitter, and returns to the interval after a success', async () => {
    const h = harness(['failed', 'failed', 'failed', 'ok']);
    await h.s.trigger('start');
    expect(h.s.failures).toBe(1);
    expect(h.pending()).toEqual([30 * MIN]);
    await h.advance(30 * MIN);
    expect(h.pending()).toEqual([60 * MIN]);
    await h.advance(60 * MIN);
    expect(h.pending()).toEqual([120 * MIN]);
    await h.advance(120 * MIN);
    expect(h.s.failures).toBe(0);
    expect(h.pending()).toEqual([15 * MIN]);
  });

  it('spreads retries: jitter is ±20 % and the wait is capped', () => {
    expect(backoffDelay(15 * MIN, 1, () => 0)).toBe(24 * MIN);
    expect(backoffDelay(15 * MIN, 1, () => 1)).toBe(36 * MIN);
    expect(backoffDelay(15 * MIN, 30, () => 0.5)).toBe(120 * MIN);
  });

  it('a check that throws counts as a failure, never as an unhandled error', async () => {
    const h = harness();
    const s = createScheduler({
      intervalMs: MIN,
      check: () => Promise.reject(new Error('boom')),
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    await s.trigger('start');
    expect(s.failures).toBe(1);
    s.stop();
    h.s.stop();
  });
});
