/** Runs `work` when the phone is idle (requestIdleCallback), or after half a second where there is no such thing (Safari). */
export function whenIdle(work: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback;
  if (idle) idle(work);
  else setTimeout(work, 500);
}
