// host/web-host's door: what the rest of the host may use. Browser mode: the console served on 127.0.0.1 with a per-start token, and the page opened in the user's browser.
export { writeLaunchFile } from './launch-file';
export { openInBrowser } from './open-browser';
export { buildRenderer, rendererIsBuilt } from './renderer-build';
export { startWebHost } from './web-host';
export type { WebHost } from './web-host';
