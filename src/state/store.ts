/** A minimal observable value: components subscribe, state code sets. */
import { useEffect, useReducer } from 'preact/hooks';

export class Observable<T extends object> {
  private listeners = new Set<() => void>();
  constructor(private value: T) {}

  get(): T {
    return this.value;
  }

  set(patch: Partial<T>): void {
    this.value = { ...this.value, ...patch };
    for (const l of this.listeners) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Re-renders the component whenever `obs` changes. */
export function useObservable<T extends object>(obs: Observable<T>): T {
  const [, rerender] = useReducer((n: number, _: void) => n + 1, 0);
  useEffect(() => obs.subscribe(() => rerender()), [obs]);
  return obs.get();
}
