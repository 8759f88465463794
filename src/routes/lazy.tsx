/** Screens loaded only when the reader opens them (search, settings, storage): a smaller first load. */
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyScreen(load: () => Promise<ComponentType>, loadingText: () => string): FunctionComponent {
  let Loaded: ComponentType | undefined;
  return function LazyScreen() {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (!Loaded) void load().then((C) => ((Loaded = C), setReady(true)));
    }, []);
    return Loaded ? <Loaded /> : <p class="loading">{loadingText()}</p>;
  };
}
