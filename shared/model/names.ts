/**
 * The one table of name rules: which characters and lengths each kind of name may have, how long
 * descriptions may be, and the name to use instead of one Alibaba Cloud refuses. The design's
 * rules (rules/naming.ts), the console's forms, the host and the offline cloud all ask here.
 *
 * The rules are Alibaba Cloud's own, per kind (docs/project-file.md#conventions gives each with its
 * source): no kind accepts `-`, so a design that passes here is one the cloud accepts.
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
  /** What the first character may be (tested on one character). */
  first: RegExp;
  /** What every other character may be (tested on one character). */
  rest: RegExp;
  /** `first` in words, for messages and hints. */
  firstInWords: string;
  /** `rest` in words. */
  restInWords: string;
  /** Put before a suggestion that would start with a digit where the kind wants a letter first. */
  digitPrefix?: string;
}

// The Chinese characters Alibaba Cloud's name patterns admit (the CJK Unified Ideographs block).
const LETTER = 'A-Za-z';
const CHINESE = '\u4e00-\u9fa5';
const one = (set: string) => new RegExp(`^[${set}]$`, 'u');

export const NAME_RULES: Readonly<Record<NamedKind, NameRule>> = {
  group: {
    label: 'Group',
    noun: 'group',
    minLength: 4,
    maxLength: 50,
    descriptionMaxLength: 180,
    first: one(`${LETTER}${CHINESE}`),
    rest: one(`${LETTER}0-9_${CHINESE}`),
    firstInWords: 'a letter or a Chinese character',
    restInWords: 'letters, digits, `_` and Chinese characters',
    digitPrefix: 'group',
  },
  api: {
    label: 'API',
    noun: 'API',
    minLength: 4,
    maxLength: 50,
    descriptionMaxLength: 180,
    first: one(LETTER),
    rest: one(`${LETTER}0-9_`),
    firstInWords: 'a letter',
    restInWords: 'letters, digits and `_`',
    digitPrefix: 'api',
  },
  throttlingPolicy: {
    label: 'Throttling policy',
    noun: 'throttling policy',
    minLength: 4,
    maxLength: 50,
    descriptionMaxLength: 200,
    first: one(`${LETTER}0-9`),
    rest: one(`${LETTER}0-9_`),
    firstInWords: 'a letter or a digit',
    restInWords: 'letters, digits and `_`',
  },
  app: {
    label: 'App',
    noun: 'app',
    minLength: 4,
    maxLength: 26,
    descriptionMaxLength: 180,
    first: one(LETTER),
    rest: one(`${LETTER}0-9_`),
    firstInWords: 'a letter',
    restInWords: 'letters, digits and `_`',
    digitPrefix: 'app',
  },
  plugin: {
    label: 'Plug-in',
    noun: 'plug-in',
    minLength: 4,
    maxLength: 50,
    descriptionMaxLength: 200,
    first: one(`${LETTER}0-9${CHINESE}`),
    rest: one(`${LETTER}0-9_${CHINESE}`),
    firstInWords: 'a letter, a digit or a Chinese character',
    restInWords: 'letters, digits, `_` and Chinese characters',
  },
};

/** Descriptions of everything else (deployment notes: SwitchApi's Description is ≤200; authorizations). */
export const OTHER_DESCRIPTION_MAX_LENGTH = 200;

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

/** What is wrong with a name, and the name to use instead when one can be made from it. */
export interface NameIssue {
  message: string;
  /** A name of the same kind that Alibaba Cloud accepts, made from this one, not among `taken`. */
  suggestion?: string;
}

/** Characters a suggestion turns into `_`: ASCII punctuation and white space (`-` above all). */
const BECOMES_UNDERSCORE = /^[\s!-/:-@[-`{-~]$/u;
const HAN = /^\p{Script=Han}$/u;

/**
 * Why Alibaba Cloud would refuse `name` for this kind of thing, with the fix, or undefined when it
 * accepts it. `taken` are the names the suggestion must not collide with (the others in scope).
 */
export function checkName(kind: NamedKind, name: string, taken: Iterable<string> = []): NameIssue | undefined {
  const rule = NAME_RULES[kind];
  const characters = [...name];
  const what = `${rule.label} name \`${name}\``;
  if (characters.length === 0) return { message: `Enter a ${rule.noun} name: ${nameHint(kind)}` };
  const refused = characters.filter((ch) => !rule.rest.test(ch) && !rule.first.test(ch));
  let problem: string | undefined;
  if (refused.length > 0) problem = `${what}: Alibaba Cloud refuses ${describeCharacters(refused)} in ${rule.noun} names`;
  else if (!rule.first.test(characters[0])) problem = `${what}: Alibaba Cloud wants ${rule.noun} names to start with ${rule.firstInWords}`;
  else if (characters.length < rule.minLength || characters.length > rule.maxLength) {
    const short = characters.length < rule.minLength;
    problem = `${what} is too ${short ? 'short' : 'long'} (${characters.length} characters): Alibaba Cloud wants ${rule.noun} names of ${rule.minLength} to ${rule.maxLength} characters`;
  }
  if (problem === undefined) return undefined;
  const suggestion = suggestName(kind, name, taken);
  if (suggestion === undefined) return { message: `${problem}. Use ${rule.restInWords}, starting with ${rule.firstInWords}.` };
  return { message: `${problem}; use \`${suggestion}\`.`, suggestion };
}

/** Why `name` is not a valid name of this kind (with the name to use instead), or undefined when it is. */
export function nameProblem(kind: NamedKind, name: string, taken: Iterable<string> = []): string | undefined {
  return checkName(kind, name, taken)?.message;
}

/** What a name of this kind may be, for a field's hint. */
export function nameHint(kind: NamedKind): string {
  const rule = NAME_RULES[kind];
  return `${rule.minLength}-${rule.maxLength} characters: ${rule.restInWords}, starting with ${rule.firstInWords}.`;
}

/**
 * A name of this kind that Alibaba Cloud accepts, made from `name`: `-`, spaces and other
 * punctuation become `_` (never two in a row), characters the kind cannot hold are dropped, a
 * leading `_` goes, a leading digit gets the kind's prefix (`api_2fa`), then the length is fitted
 * and, when the result is taken, `_2`, `_3`… is added. Undefined when nothing usable is left.
 * A name that is already accepted and free comes back unchanged.
 */
export function suggestName(kind: NamedKind, name: string, taken: Iterable<string> = []): string | undefined {
  const rule = NAME_RULES[kind];
  let out = '';
  let replacing = false;
  for (const ch of name) {
    if (rule.rest.test(ch)) {
      out += ch;
      replacing = false;
    } else if (BECOMES_UNDERSCORE.test(ch)) {
      if (!out.endsWith('_')) out += '_';
      replacing = true;
    }
    // Anything else (a Chinese character where the kind takes none, an accented letter) has no
    // spelling we could guess: it is left out.
  }
  if (replacing) out = out.replace(/_$/, '');
  out = out.replace(/^_+/, '');
  if (out === '') return undefined;
  if (!rule.first.test([...out][0])) {
    if (rule.digitPrefix === undefined) return undefined;
    out = `${rule.digitPrefix}_${out}`;
  }
  while ([...out].length < rule.minLength) out += '_';
  out = truncate(out, rule.maxLength);
  const names = new Set(taken);
  if (names.has(out)) {
    for (let n = 2; ; n++) {
      const suffix = `_${n}`;
      const candidate = truncate(out, rule.maxLength - suffix.length) + suffix;
      if (!names.has(candidate)) {
        out = candidate;
        break;
      }
    }
  }
  return isAccepted(rule, out) ? out : undefined;
}

function isAccepted(rule: NameRule, name: string): boolean {
  const characters = [...name];
  return (
    characters.length >= rule.minLength &&
    characters.length <= rule.maxLength &&
    rule.first.test(characters[0]) &&
    characters.slice(1).every((ch) => rule.rest.test(ch))
  );
}

function truncate(text: string, length: number): string {
  return [...text].slice(0, length).join('');
}

/** `\`-\``, `spaces`, `Chinese characters`…, each once, in the order they appear. */
function describeCharacters(characters: string[]): string {
  const words: string[] = [];
  for (const ch of characters) {
    const word = /^\s$/u.test(ch) ? 'spaces' : HAN.test(ch) ? 'Chinese characters' : `\`${ch}\``;
    if (!words.includes(word)) words.push(word);
  }
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** Why a description is too long, or undefined when it fits. */
export function descriptionProblem(label: string, description: string, maxLength: number): string | undefined {
  const length = [...description].length;
  if (length <= maxLength) return undefined;
  return `The description of ${label} is ${length} characters long; at most ${maxLength} are allowed. Shorten it.`;
}
