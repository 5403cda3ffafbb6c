// host/settings's door: what the rest of the host may use. The app's own settings, facts about the app.
export { readAppInfo } from './app-info';
export type { Vault } from './app-info';
export { SettingsStore, withRecent } from './settings-store';
