// host/renderer-files's door: what the rest of the host may use. The built renderer's files, as the desktop app's app:// protocol and browser mode's web host both serve them.
export { contentTypeOf, findRendererFile } from './renderer-files';
