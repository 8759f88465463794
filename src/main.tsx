/** Renders <App/> and starts the app state (which registers the service worker); nothing else. */
import { render } from 'preact';
import { App } from './app';
import { createAppState } from './state/app-state';
import './styles.css';

const app = createAppState();
render(<App app={app} />, document.getElementById('app')!);
app.start();
