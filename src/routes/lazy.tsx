/** Screens loaded only when the reader opens them (search, settings, storage): a smaller first load. */
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyScreen = FunctionComponent & { preload(): void };

export function lazyScreen(load: () => Promise<ComponentType>, loadingText: () => string): LazyScreen {
  let Loaded: ComponentType | undefined;
  const screen = function LazyScreen() {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (!Loaded) void load().then((C) => ((Loaded = C), setReady(true)));
    }, []);
    return Loaded ? <Loaded /> : <p class="loading">{loadingText()}</p>;
  };
  /** Fetches the screen's code ahead of the tap (from the precache: no network). */
  screen.preload = () => {
    if (!Loaded) void load().then((C) => (Loaded = C));
  };
  return screen;
}
