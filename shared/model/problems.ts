/** A path into the project document: keys and list indexes, e.g. `['apis', 3, 'request', 'path']`. */
export type FieldPath = (string | number)[];

/**
 * One thing wrong with a design. `path` points at the field; the project-file loader turns it
 * into a file line, and the console into the field to focus.
 */
export interface Problem {
  path: FieldPath;
  /** A sentence a person understands, naming the value and what to do. */
  message: string;
}

/** `apis[3].request.path`, the way problems are printed. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}
