/** Installing to the home screen: the browser's prompt where offered, instructions on iOS Safari. */

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export type InstallOffer = { kind: 'prompt'; install(): Promise<boolean> } | { kind: 'ios' } | { kind: 'none' };

/** True when running as the installed app. */
export function isInstalled(): boolean {
  return matchMedia('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true;
}

/** iPhone and iPad Safari, which has no install prompt: the reader adds it from the Share menu. */
function isIosSafari(): boolean {
  const ua = navigator.userAgent;
  const ios = /iPhone|iPad|iPod/.test(ua) || (ua.includes('Macintosh') && navigator.maxTouchPoints > 1);
  return ios && /Safari/.test(ua) && !/CriOS|FxiOS|EdgiOS/.test(ua);
}

/** Calls `onOffer` with what can be offered now, and again when the browser's prompt arrives or the app is installed. */
export function watchInstall(onOffer: (offer: InstallOffer) => void): void {
  if (isInstalled()) return onOffer({ kind: 'none' });
  onOffer(isIosSafari() ? { kind: 'ios' } : { kind: 'none' });
  addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault();
    const event = e as InstallPromptEvent;
    onOffer({
      kind: 'prompt',
      async install() {
        await event.prompt();
        return (await event.userChoice).outcome === 'accepted';
      },
    });
  });
  addEventListener('appinstalled', () => onOffer({ kind: 'none' }));
}
