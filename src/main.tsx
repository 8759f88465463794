/** Renders <App/> and registers the service worker; nothing else. */
import { render } from 'preact';
import { App } from './app';
import { registerServiceWorker } from './pwa/register';
import { createAppState } from './state/app-state';
import './styles.css';

const app = createAppState();
render(<App app={app} />, document.getElementById('app')!);
app.start();
registerServiceWorker();
