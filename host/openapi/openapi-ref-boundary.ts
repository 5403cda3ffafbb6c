/**
 * Where an imported document's `$ref`s may lead: only to files in the imported file's own folder
 * (or below it). A document is someone else's text, and whatever a `$ref` reaches ends up in the
 * project as an example value, so a `$ref` to `~/.config/apigw-studio/vault-file.json` would copy
 * the vault into a file meant to be committed. So: no absolute path or `..` out of the folder, no
 * symbolic link that leads out of it, no secrets file (isSecretFileName) even inside it, no URL
 * (the app works offline and an import never fetches), and nothing at all from pasted text, which
 * has no folder.
 *
 * swagger-parser reads every external `$ref` through `resolver` (its own file and http resolvers
 * are switched off), so the check and the read are one step on the same path. A refusal is kept
 * in `refusal`: the parser wraps resolver errors in its own, and the reader rethrows ours.
 */
import { readFile, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type SwaggerParser from '@apidevtools/swagger-parser';
import { HostError } from '../base/host-error';
import { isSecretFileName } from '../base/secret-files';

type FileInfo = SwaggerParser.FileInfo;

/** `http://`, `file://`, `ftp://`…: the parser's own test for "this is a URL, not a path". */
const URL_SCHEME = /^(\w{2,}):\/\//i;

export class RefBoundary {
  private firstRefusal: HostError | undefined;

  /** The resolver to hand swagger-parser as its only one. */
  readonly resolver: Partial<SwaggerParser.ResolverOptions> = { order: 1, canRead: true, read: (file: FileInfo) => this.read(file) };

  private constructor(
    /** How the document is named in messages: `/home/u/specs/petstore.yaml`, `the pasted text`. */
    private readonly where: string,
    private readonly folder?: { path: string; real: string; documentName: string },
  ) {}

  /** `$ref`s of a document read from `documentPath` may reach files in its folder. */
  static async aroundFile(documentPath: string): Promise<RefBoundary> {
    const path = dirname(resolve(documentPath));
    return new RefBoundary(documentPath, { path, real: await realpath(path), documentName: basename(documentPath) });
  }

  /** Pasted text has no folder: every external `$ref` in it is refused. */
  static forText(): RefBoundary {
    return new RefBoundary('the pasted text');
  }

  /** The first `$ref` refused, as the error to show; undefined when none was. */
  get refusal(): HostError | undefined {
    return this.firstRefusal;
  }

  private async read(file: FileInfo): Promise<Buffer> {
    const ref = file.reference ?? file.url;
    const refuse = (why: string): never => {
      const error = new HostError('IMPORT_FAILED', `Cannot import ${this.where}: $ref "${ref}"${this.placeOf(file)} ${why}.`);
      this.firstRefusal ??= error;
      throw error;
    };
    const folder = this.folder;
    if (!folder) {
      return refuse('refers to another file, and pasted text has no folder to look in; import the document as a file, with what it refers to in the same folder');
    }
    const scheme = URL_SCHEME.exec(file.url)?.[1].toLowerCase();
    if (scheme && scheme !== 'file') {
      return refuse(`is a URL; an import never fetches anything (the app works offline): save what it points to in ${folder.path} and refer to it by a relative path`);
    }
    const outside = `points outside the folder of ${folder.documentName} (${folder.path}); only files in that folder can be referenced`;
    const path = pathOf(file.url);
    if (path === undefined || !isWithin(folder.path, path)) return refuse(outside);
    const secretFile = `is a secrets file (app secrets or cloud keys), which an import never reads`;
    if (isSecretFileName(path)) return refuse(secretFile);

    let real: string;
    try {
      real = await realpath(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return refuse(code === 'ENOENT' ? `points to ${path}, which does not exist` : `points to ${path}, which cannot be read (${code ?? 'unknown error'})`);
    }
    if (!isWithin(folder.real, real)) {
      return refuse(`points outside the folder of ${folder.documentName} (${folder.path}) through a symbolic link; only files in that folder can be referenced`);
    }
    if (isSecretFileName(real)) return refuse(secretFile);
    return readFile(real);
  }

  /** ` (at #/paths/~1pet/get/… in petstore.yaml)`: the parser gives the `$ref`'s own location as the base it resolved against. */
  private placeOf(file: FileInfo): string {
    const base = file.baseUrl;
    if (!base) return '';
    const hash = base.indexOf('#');
    const pointer = hash >= 0 ? base.slice(hash) : '';
    const basePath = pathOf(hash >= 0 ? base.slice(0, hash) : base);
    const document = !this.folder ? this.where : basePath && isWithin(this.folder.path, basePath) ? relative(this.folder.path, basePath) : basePath;
    if (!pointer && !document) return '';
    return ` (${[pointer && `at ${pointer}`, document && `in ${document}`].filter(Boolean).join(' ')})`;
  }
}

/** The file system path of a resolved `$ref` (a path, percent-encoded by the parser, or a file:// URL); undefined when it is neither. */
function pathOf(url: string): string | undefined {
  try {
    if (/^file:\/\//i.test(url)) return fileURLToPath(url);
    if (URL_SCHEME.test(url)) return undefined;
    return resolve(decodeURI(url.replace(/%(?![0-9a-f]{2})/gi, '%25')).replace(/%23/g, '#').replace(/%3F/gi, '?'));
  } catch {
    return undefined;
  }
}

function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !isAbsolute(rel) && rel.split(/[/\\]/)[0] !== '..';
}
