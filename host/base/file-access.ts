/**
 * Which files a UI call may make the host open, create or import: only those the user chose. The
 * renderer is untrusted (a compromised page could ask for ~/.ssh/id_rsa or the vault), so a path
 * in a call is honoured only when
 * - a file dialog returned it, the command line named it, or it is in the recent list;
 * - or it is a project file (`*.apigw.yaml`) in the data dir (the demo copy of the quickstart);
 * - or, in browser mode, which has no file dialog and takes a typed path instead, it has the
 *   shape of what is asked for (a project file; for an import a YAML or JSON document) and lies
 *   in no hidden folder (~/.ssh, ~/.aws, ~/.config, where keys live);
 * and never when it names a secrets or vault file, or anything else in the data dir. Links are
 * resolved first, so a harmless-looking name cannot point at a secret.
 */
import { realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { HostError } from './host-error';
import { isSecretFileName } from './secret-files';

export type PathPurpose = 'open' | 'create' | 'import';

/** A new project's file: `.apigw.yaml` is added to a path without a YAML extension. */
export function newProjectPath(path: string): string {
  const absolute = resolveUserPath(path);
  return /\.ya?ml$/i.test(absolute) ? absolute : `${absolute}.apigw.yaml`;
}

/** `~/x` and relative paths (typed in the browser UI) are taken from the home folder. */
export function resolveUserPath(path: string): string {
  if (path === '~' || path.startsWith('~/')) return join(homedir(), path.slice(1));
  return isAbsolute(path) ? resolve(path) : resolve(homedir(), path);
}

export interface FileAccessOptions {
  dataDir: string;
  /** Browser mode: no file dialog, so the UI sends typed paths. */
  typedPaths: boolean;
  /** The recent list (kept by the host itself). */
  recent: () => Promise<string[]>;
}

const PROJECT_FILE = /\.apigw\.ya?ml$/i;
const VERB: Record<PathPurpose, string> = { open: 'opening', create: 'creating', import: 'importing' };
const IMPORT_FILE = /\.(ya?ml|json)$/i;

export class FileAccess {
  private readonly chosen = new Set<string>();
  private readonly dataDir: string;

  constructor(private readonly options: FileAccessOptions) {
    this.dataDir = resolve(options.dataDir);
  }

  /** A path the user chose outside the page: a file dialog's answer, the command line. */
  grant(path: string): void {
    this.chosen.add(resolve(path));
  }

  /** The path to use (absolute, links resolved), or a PATH_NOT_ALLOWED error saying why not. */
  async check(path: string, purpose: PathPurpose): Promise<string> {
    const asked = purpose === 'create' ? newProjectPath(path) : resolveUserPath(path);
    const refused = (why: string) => new HostError('PATH_NOT_ALLOWED', `Not ${VERB[purpose]} ${asked}: ${why}.`);
    const real = await realPath(asked);
    for (const candidate of new Set([asked, real])) {
      if (isSecretFileName(candidate)) throw refused('it holds secrets, which never go to the UI');
      if (this.inDataDir(candidate) && !PROJECT_FILE.test(candidate)) throw refused('the app keeps its own state and keys there');
    }
    if (this.chosen.has(asked) || this.chosen.has(real)) return real;
    if ((await this.options.recent()).some((entry) => resolve(entry) === asked || resolve(entry) === real)) return real;
    if (this.inDataDir(real) && PROJECT_FILE.test(real)) return real;
    if (!this.options.typedPaths) throw refused('it did not come from a file dialog; choose it with Open… or Import…');
    const shape = purpose === 'import' ? IMPORT_FILE : PROJECT_FILE;
    if (!shape.test(real)) {
      throw refused(purpose === 'import'
        ? 'a typed path can import only a .yaml, .yml or .json document'
        : 'a typed path can open or create only a project file named *.apigw.yaml; to open another file, start the console with apigw-studio ui --project FILE');
    }
    if (hiddenFolderOf(real)) {
      throw refused(`it lies in the hidden folder ${hiddenFolderOf(real)}, where keys and settings live; start the console with apigw-studio ui --project FILE to open it`);
    }
    return real;
  }

  private inDataDir(path: string): boolean {
    const inside = relative(this.dataDir, path);
    // A path on another drive (Windows) comes back absolute.
    return !isAbsolute(inside) && inside !== '..' && !inside.startsWith(`..${sep}`);
  }
}

/** The path with its links resolved; for a file not there yet (create), its folder's real path. */
async function realPath(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return path;
    const folder = dirname(path);
    return folder === path ? path : join(await realPath(folder), basename(path));
  }
}

/** The first folder of `path` whose name starts with a dot, if any. */
function hiddenFolderOf(path: string): string | undefined {
  const parts = dirname(path).split(sep);
  const index = parts.findIndex((part) => part.startsWith('.') && part !== '.' && part !== '..');
  return index < 0 ? undefined : parts.slice(0, index + 1).join(sep);
}

