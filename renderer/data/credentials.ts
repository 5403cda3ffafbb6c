/**
 * An app's credentials, held by the host (secrets file or vault). The UI sees AppKeys and masked
 * AppCodes; a secret comes back only from an explicit reveal and is kept in component state for a
 * short time, never in the project store.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppCredentialsView } from '../../shared/ipc/contract';
import { host } from './host';
import { toHostError } from './host-error';

async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toHostError(error);
  }
}

export function appCredentials(app: string): Promise<AppCredentialsView> {
  return guarded(() => host().apps.credentials({ app }));
}

export function createAppCredentials(app: string): Promise<AppCredentialsView> {
  return guarded(() => host().apps.createCredentials({ app }));
}

export async function revealAppSecret(app: string, appKey: string): Promise<string> {
  return (await guarded(() => host().apps.revealSecret({ app, appKey }))).appSecret;
}

export function rotateAppSecret(app: string, appKey: string): Promise<AppCredentialsView> {
  return guarded(() => host().apps.rotateSecret({ app, appKey }));
}

export async function deleteAppCredentials(app: string): Promise<void> {
  await guarded(() => host().apps.deleteCredentials({ app }));
}

/** Moves apps' credentials to the apps' new names (the host does it; the UI never sees a secret). */
export async function renameAppCredentials(renames: { from: string; to: string }[]): Promise<string[]> {
  if (renames.length === 0) return [];
  return (await guarded(() => host().apps.renameCredentials({ renames }))).renamed;
}

export interface CredentialsState {
  view?: AppCredentialsView;
  loading: boolean;
  /** What failed, to show next to the credentials. */
  error?: string;
  reload(): void;
  generate(): Promise<void>;
  rotate(appKey: string): Promise<void>;
}

/** The credentials of one app, loaded when the app is shown and after each change. */
export function useAppCredentials(app: string | undefined): CredentialsState {
  const [view, setView] = useState<AppCredentialsView>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!app) return;
    let current = true;
    setLoading(true);
    setError(undefined);
    setView(undefined);
    appCredentials(app)
      .then((v) => current && setView(v))
      .catch((e: unknown) => current && setError(`Could not read the credentials of app ${app}: ${messageOf(e)}`))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [app, generation]);

  const run = useCallback(
    async (what: string, call: () => Promise<AppCredentialsView>) => {
      setLoading(true);
      setError(undefined);
      try {
        setView(await call());
      } catch (e) {
        setError(`Could not ${what} of app ${app}: ${messageOf(e)}`);
      } finally {
        setLoading(false);
      }
    },
    [app],
  );

  return {
    view,
    loading,
    error,
    reload: () => setGeneration((g) => g + 1),
    generate: () => run('generate the credentials', () => createAppCredentials(app!)),
    rotate: (appKey) => run(`rotate the secret of ${appKey}`, () => rotateAppSecret(app!, appKey)),
  };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
