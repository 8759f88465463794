import { useState } from 'preact/hooks';
import { InstallCard } from '../components/install-card';
import { stringsFor } from '../i18n';
import { useAppSnapshot } from '../state/app-state';
import { ListScreen } from './list-screen';

const LATER_KEY = 'install-later';

/** `/`: the newest articles, urgent ones first; an offer to install until the app is installed. */
export function HomeRoute() {
  const snap = useAppSnapshot();
  const s = stringsFor(snap.lang);
  const [later, setLater] = useState(() => sessionStorage.getItem(LATER_KEY) === '1');
  const offer = snap.install;
  const dismiss = () => {
    sessionStorage.setItem(LATER_KEY, '1');
    setLater(true);
  };
  return (
    <>
      {!later && offer.kind === 'prompt' && (
        <InstallCard text={s.installHelp} button={s.installButton} laterLabel={s.updateLater} onInstall={() => void offer.install()} onLater={dismiss} />
      )}
      {!later && offer.kind === 'ios' && <InstallCard text={s.installIos} laterLabel={s.updateLater} onLater={dismiss} />}
      <ListScreen heading={s.latestNews} />
    </>
  );
}
