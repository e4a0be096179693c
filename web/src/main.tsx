import { render } from 'preact';

render(<main><h1>Samverkan hub</h1></main>, document.getElementById('app')!);
