/** Entry point: connect to the host (Electron preload or HTTP), then render the console. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { setHost } from './data/host';
import { getHost } from './data/transport';

// Start-up timing (bench/startup.bench.ts): the bundle has loaded and runs.
performance.mark('agw:renderer-start');
setHost(getHost());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to render API Gateway Studio into.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
