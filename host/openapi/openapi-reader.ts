/**
 * Reads a Swagger 2.0 / OpenAPI 3.x document (text or file) into one dereferenced object with
 * @apidevtools/swagger-parser. External `$ref`s go through RefBoundary: a file's refs may reach
 * files in its own folder only, pasted text's none, URLs never.
 */
import { readFile, realpath } from 'node:fs/promises';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parse as parseYaml } from 'yaml';
import { HostError } from '../base/host-error';
import { isSecretFileName } from '../base/secret-files';
import { RefBoundary } from './openapi-ref-boundary';
import { isObject } from './schema-sample';

type OpenApiDocument = Exclude<Parameters<typeof SwaggerParser.validate>[0], string>;

export type ImportSource = { kind: 'text'; text: string } | { kind: 'file'; path: string };

export interface ReadDocument {
  document: Record<string, unknown>;
  /** `Swagger 2.0`, `OpenAPI 3.0.3`, `OpenAPI 3.1.0`. */
  format: string;
  /** The validator's complaints when the document is readable but not valid; the import goes on. */
  validationProblem?: string;
}

export async function readOpenApiDocument(source: ImportSource): Promise<ReadDocument> {
  const where = source.kind === 'file' ? source.path : 'the pasted text';
  const raw = source.kind === 'file' ? await readSourceFile(source.path) : source.text;
  let parsed: unknown;
  try {
    parsed = parseYaml(raw);
  } catch (error) {
    throw new HostError('IMPORT_FAILED', `Cannot import ${where}: it is neither JSON nor YAML (${firstLine(error)}).`, [], { cause: error });
  }
  const format = formatOf(parsed);
  if (!isObject(parsed) || !format) {
    throw new HostError('IMPORT_FAILED', `Cannot import ${where}: it is not a Swagger 2.0 or OpenAPI 3.x document (no \`swagger: "2.0"\` or \`openapi: 3.x\` at the top).`);
  }
  const boundary = source.kind === 'file' ? await RefBoundary.aroundFile(source.path) : RefBoundary.forText();
  const options = {
    resolve: { file: false, http: false, boundary: boundary.resolver },
    // Keep circular $refs as they are: samples stop there instead of looping.
    dereference: { circular: 'ignore' as const },
  };
  // The text is parsed here, with the yaml package's alias limit ("billion laughs"); a file's path
  // is passed along only as the base its relative refs resolve against.
  const baseUrl = source.kind === 'file' ? source.path : `${process.cwd()}/pasted-document.yaml`;
  try {
    const document = await new SwaggerParser().validate(baseUrl, parsed as OpenApiDocument, options);
    return { document: document as unknown as Record<string, unknown>, format };
  } catch (invalid) {
    if (boundary.refusal) throw boundary.refusal;
    try {
      const document = await new SwaggerParser().dereference(baseUrl, parseYaml(raw) as OpenApiDocument, options);
      return {
        document: document as unknown as Record<string, unknown>,
        format,
        validationProblem: `The document is not valid ${format}: ${firstLine(invalid)}. The operations that could be read are imported; check them.`,
      };
    } catch (error) {
      throw boundary.refusal ?? new HostError('IMPORT_FAILED', `Cannot import ${where}: ${firstLine(error)}.`, [], { cause: error });
    }
  }
}

async function readSourceFile(path: string): Promise<string> {
  try {
    // The user picked this file, but a secrets file is no API document, and its text must not
    // reach a parse error's message.
    if (isSecretFileName(path) || isSecretFileName(await realpath(path))) {
      throw new HostError('IMPORT_FAILED', `Cannot import ${path}: it is a secrets file (app secrets or cloud keys), not an API document.`);
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof HostError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'the file does not exist' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new HostError('IMPORT_FAILED', `Cannot import ${path}: ${reason}.`, [], { cause: error });
  }
}

function formatOf(document: unknown): string | undefined {
  if (!isObject(document)) return undefined;
  if (String(document.swagger) === '2.0') return 'Swagger 2.0';
  if (typeof document.openapi === 'string' && /^3\.[01]\./.test(document.openapi)) return `OpenAPI ${document.openapi}`;
  return undefined;
}

/** The validator's headline and its first detail (`#/info must have required property 'version'`), on one line. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
  const more = lines.length > 2 ? ` (and ${lines.length - 2} more)` : '';
  const text = lines.length > 1 ? `${lines[0].replace(/\.$/, '')}: ${lines[1]}${more}` : (lines[0] ?? 'unknown error');
  return text.replace(/[.\s]+$/, '').slice(0, 500);
}
