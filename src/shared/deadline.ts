/**
 * An AbortSignal that fires after `ms` or when the caller's own signal does, and says which:
 * a network call (headers and body alike) never waits longer than its deadline.
 * (AbortSignal.any/timeout would do, but older Safari lacks AbortSignal.any.)
 */
export interface Deadline {
  signal: AbortSignal;
  /** True once the time ran out (as opposed to the caller aborting). */
  readonly timedOut: boolean;
  /** Stops the timer and the listener; call in `finally`. */
  dispose(): void;
}

export function deadline(ms: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ms);
  const onAbort = () => controller.abort();
  outer?.addEventListener('abort', onAbort);
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}
