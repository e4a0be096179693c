import { render } from 'preact';
import { App } from './app';
import { loadGeography } from './components/SwedenMap';
import './styles.css';

// The boundaries are wanted by the map, the first page most open: asked for at once, beside the
// sign-in settings and the session, not after them.
if (!/^#\/(kommun|rangordning|efterlevnad)/.test(location.hash)) void loadGeography().catch(() => undefined);

render(<App />, document.getElementById('app')!);
