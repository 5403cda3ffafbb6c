/**
 * The one table of name rules: which characters and lengths each kind of name may have, and how
 * long descriptions may be. The rules module (rules/naming.ts) and the console's forms both ask here.
 *
 * Cloud rules (reference: control plane §2.2, 2.3, 2.5, 2.6, 2.9): a name starts with a letter
 * (Chinese characters count as letters), then letters, digits and underscores.
 * DEVIATION: we also allow `-` after the first character, because the product's own examples use
 * hyphens (`demo-hello-api`, `demo-low-qps`, `demo-caller-app`). Sync must map such names when the
 * cloud refuses them.
 */

export type NamedKind = 'group' | 'api' | 'throttlingPolicy' | 'app' | 'plugin';

export interface NameRule {
  /** How a person calls this kind of thing, capitalised for the start of a sentence. */
  label: string;
  /** The same in the middle of a sentence. */
  noun: string;
  minLength: number;
  maxLength: number;
  descriptionMaxLength: number;
}

export const NAME_RULES: Readonly<Record<NamedKind, NameRule>> = {
  group: { label: 'Group', noun: 'group', minLength: 4, maxLength: 50, descriptionMaxLength: 180 },
  api: { label: 'API', noun: 'API', minLength: 4, maxLength: 50, descriptionMaxLength: 180 },
  throttlingPolicy: { label: 'Throttling policy', noun: 'throttling policy', minLength: 4, maxLength: 50, descriptionMaxLength: 200 },
  app: { label: 'App', noun: 'app', minLength: 4, maxLength: 26, descriptionMaxLength: 180 },
  plugin: { label: 'Plug-in', noun: 'plug-in', minLength: 4, maxLength: 50, descriptionMaxLength: 200 },
};

/** Descriptions of everything else (deployment notes: SwitchApi's Description is ≤200; authorizations). */
export const OTHER_DESCRIPTION_MAX_LENGTH = 200;

const FIRST_CHARACTER = /^[A-Za-z\p{Script=Han}]/u;
const NAME_CHARACTER = /[A-Za-z0-9_\-\p{Script=Han}]/u;

/** Stage variables are used as `#name#` in backend addresses and paths. */
export const STAGE_VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A `#name#` reference in a backend address or path; what validation checks is what the gateway fills. */
const STAGE_VARIABLE_REFERENCE = /#([^#/?\s]*)#/g;

export function stageVariableReferences(text: string): string[] {
  return [...text.matchAll(STAGE_VARIABLE_REFERENCE)].map((match) => match[1]);
}

/** `text` with each `#name#` replaced by its value; `missing` names the first variable without one. */
export function fillStageVariables(text: string, values: Record<string, string>): { text: string; missing?: string } {
  let missing: string | undefined;
  const filled = text.replace(STAGE_VARIABLE_REFERENCE, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (value === undefined) missing ??= name;
    return value ?? whole;
  });
  return missing === undefined ? { text: filled } : { text: filled, missing };
}

/** The name inside a `[name]` path segment: it travels in URLs, so ASCII only. */
export const PATH_PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Why `name` is not a valid name of this kind, or undefined when it is. */
export function nameProblem(kind: NamedKind, name: string): string | undefined {
  const rule = NAME_RULES[kind];
  // Count characters, not UTF-16 units, so a Chinese name is measured as a person reads it.
  const length = [...name].length;
  const what = `${rule.label} name \`${name}\``;
  const range = `${rule.label} names have ${rule.minLength} to ${rule.maxLength} characters`;
  if (length < rule.minLength) return `${what} is too short (${length} characters). ${range}.`;
  if (length > rule.maxLength) return `${what} is too long (${length} characters). ${range}.`;
  if (!FIRST_CHARACTER.test(name)) {
    return `${what} must start with a letter (A-Z, a-z or a Chinese character).`;
  }
  for (const ch of name) {
    if (!NAME_CHARACTER.test(ch)) {
      return `${what} contains \`${ch}\`, which is not allowed. Use letters, digits, \`_\` or \`-\`.`;
    }
  }
  return undefined;
}

/** Why a description is too long, or undefined when it fits. */
export function descriptionProblem(label: string, description: string, maxLength: number): string | undefined {
  const length = [...description].length;
  if (length <= maxLength) return undefined;
  return `The description of ${label} is ${length} characters long; at most ${maxLength} are allowed. Shorten it.`;
}
