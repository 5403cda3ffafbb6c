/**
 * The form controls bound to one path of the design, used by every screen. Each carries
 * id={fieldId(path)} (so a problem in the status bar can focus it) and shows the live problems at
 * that path under it, a problem known only here (`localProblem`) first.
 *
 * Labels: `label` is the visible label. In a table cell whose column header says what it is,
 * `hideLabel` keeps the label for screen readers only. Where the visible label is short and the
 * field needs to say more to a screen reader (which row it is on), `ariaLabel` names it.
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';
import type { FieldPath } from '../../shared/model/problems';
import { fieldId, useFieldProblems } from '../data/fields';
import { MONO } from '../app/theme';
import { MultilineTextField } from './multiline-text-field';
import { withNameFix } from './name-fix-button';

interface Common {
  path: FieldPath;
  label: string;
  hideLabel?: boolean;
  /** The accessible name when it must say more than the visible label, e.g. "Parameter id minimum". */
  ariaLabel?: string;
  /** Shown under the field when it has no problem. */
  hint?: ReactNode;
  disabled?: boolean;
  required?: boolean;
  placeholder?: string;
  sx?: SxProps<Theme>;
  /** A problem known only here (a name already in use, text that is not a number), shown before the project's. */
  localProblem?: string;
  /** Monospace text: names, paths, expressions. */
  mono?: boolean;
}

/** Messages for a field: the local one first, then the project's live problems at that path. */
function useMessages(path: FieldPath, localProblem?: string): string[] {
  const problems = useFieldProblems(path);
  return localProblem ? [localProblem, ...problems.filter((p) => p !== localProblem)] : problems;
}

function helperOf(messages: string[], hint: ReactNode): ReactNode {
  if (messages.length === 0) return hint;
  return messages.length === 1 ? messages[0] : messages.map((m) => <span key={m} style={{ display: 'block' }}>{m}</span>);
}

/** The accessible name given to the input itself, when it is not the visible label. */
function accessibleName(props: Common): string | undefined {
  return props.ariaLabel ?? (props.hideLabel ? props.label : undefined);
}

/** What every text-like control passes to TextField. */
function textFieldProps(props: Common, messages: string[], hint: ReactNode = props.hint) {
  return {
    id: fieldId(props.path),
    label: props.hideLabel ? undefined : props.label,
    error: messages.length > 0,
    helperText: helperOf(messages, hint),
    required: props.required,
    disabled: props.disabled,
    placeholder: props.placeholder,
    fullWidth: true,
    sx: props.sx,
  };
}

function htmlInputOf(props: Common, extra: Record<string, unknown> = {}) {
  const name = accessibleName(props);
  return { ...extra, ...(name ? { 'aria-label': name } : {}) };
}

const monoInput = { sx: { fontFamily: MONO, fontSize: '0.85rem' } };

/** Text that writes every change to the design (consecutive changes merge into one undo step where the caller asks). */
export function ModelText(props: Common & { value: string; onChange: (value: string) => void; onBlur?: () => void; multiline?: boolean; minRows?: number }) {
  const messages = useMessages(props.path, props.localProblem);
  const common = {
    ...textFieldProps(props, messages),
    value: props.value,
    onChange: (e: { target: { value: string } }) => props.onChange(e.target.value),
    onBlur: props.onBlur,
    slotProps: { htmlInput: htmlInputOf(props), input: props.mono ? monoInput : undefined },
  };
  return props.multiline ? <MultilineTextField {...common} minRows={props.minRows} /> : <TextField {...common} />;
}

/**
 * Text edited as a draft and applied on Enter or blur (Escape restores), for names and keys: each
 * keystroke must not rename what references it. `check` blocks applying with its message.
 */
export function ModelDraftText(
  props: Common & {
    value: string;
    onCommit: (value: string) => void;
    check?: (draft: string) => string | undefined;
    /** The name to offer instead of a refused one (the draft's, or the value's own problem's); applied at once. */
    suggest?: (text: string) => string | undefined;
    autoFocus?: boolean;
  },
) {
  const { value, onCommit, check } = props;
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const blocking = draft !== value ? check?.(draft) : undefined;
  const messages = useMessages(props.path, blocking ?? props.localProblem);
  const commit = () => {
    if (draft !== value && !check?.(draft)) onCommit(draft);
  };
  // The fix for what is typed when it is refused, or for the saved value's own problem when nothing is typed.
  const suggestFor = blocking !== undefined ? draft : draft === value && messages.length > 0 ? value : undefined;
  const suggestion = suggestFor === undefined ? undefined : props.suggest?.(suggestFor);
  const field = textFieldProps(props, messages, draft !== value && !blocking ? 'Press Enter to apply, Escape to cancel.' : props.hint);
  return (
    <TextField
      {...field}
      helperText={withNameFix(field.helperText, suggestion === value ? undefined : suggestion, (name) => {
        setDraft(name);
        onCommit(name);
      })}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(value);
      }}
      autoFocus={props.autoFocus}
      slotProps={{ htmlInput: htmlInputOf(props), input: props.mono ? monoInput : undefined }}
    />
  );
}

export interface Option<T extends string> {
  value: T;
  label: ReactNode;
}

export function ModelSelect<T extends string>(props: Common & { value: T; options: readonly Option<T>[]; onChange: (value: T) => void }) {
  const messages = useMessages(props.path, props.localProblem);
  const name = accessibleName(props);
  return (
    <TextField
      {...textFieldProps(props, messages)}
      select
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as T)}
      slotProps={{ select: { inputProps: name ? { 'aria-label': name } : undefined, SelectDisplayProps: name ? { 'aria-label': name } : undefined } }}
    >
      {props.options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function ModelCheckbox(props: Omit<Common, 'mono' | 'placeholder'> & { checked: boolean; onChange: (checked: boolean) => void }) {
  const messages = useMessages(props.path, props.localProblem);
  const name = accessibleName(props);
  const box = (
    <Checkbox
      id={fieldId(props.path)}
      checked={props.checked}
      onChange={(e) => props.onChange(e.target.checked)}
      disabled={props.disabled}
      slotProps={{ input: name ? { 'aria-label': name } : undefined }}
    />
  );
  return (
    <Box sx={props.sx}>
      {props.hideLabel ? box : <FormControlLabel control={box} label={props.label} />}
      {(messages.length > 0 || props.hint) && <FormHelperText error={messages.length > 0}>{helperOf(messages, props.hint)}</FormHelperText>}
    </Box>
  );
}

function parseNumber(text: string, integer: boolean): number | undefined {
  const t = text.trim();
  if (!(integer ? /^-?\d+$/ : /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/).test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) && (!integer || Number.isSafeInteger(n)) ? n : undefined;
}

/**
 * A number (a whole number with `integer`). Empty means "not set" when `optional`; text that is
 * not a number, or below `min`, stays in the field with a message and is not written, so typing
 * `1.` or `-` never loses what was typed.
 */
export function ModelNumber(props: Common & { value: number | undefined; onChange: (value: number | undefined) => void; integer?: boolean; optional?: boolean; min?: number }) {
  const { value, onChange, optional, integer = false, min } = props;
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText((current) => (parseNumber(current, integer) === value ? current : value === undefined ? '' : String(value))), [value, integer]);
  const parsed = parseNumber(text, integer);
  const kind = integer ? 'a whole number' : 'a number';
  let local: string | undefined;
  if (text.trim() === '') local = optional ? undefined : `${props.label} is required: enter ${kind}.`;
  else if (parsed === undefined) local = `${props.label} must be ${kind}, e.g. ${integer ? '100' : '1.5'}.`;
  else if (min !== undefined && parsed < min) local = `${props.label} must be at least ${min}.`;
  const messages = useMessages(props.path, local ?? props.localProblem);
  const change = (next: string) => {
    setText(next);
    const n = parseNumber(next, integer);
    if (next.trim() === '' && optional) onChange(undefined);
    else if (n !== undefined && (min === undefined || n >= min)) onChange(n);
  };
  // A table cell has no room for words: a dash says "not set" there.
  const notSet = props.hideLabel ? '—' : 'Not set';
  return (
    <TextField
      {...textFieldProps({ ...props, required: props.required ?? !optional, placeholder: props.placeholder ?? (optional ? notSet : undefined) }, messages)}
      value={text}
      onChange={(e) => change(e.target.value)}
      slotProps={{ htmlInput: htmlInputOf(props, { inputMode: integer ? 'numeric' : 'decimal' }) }}
    />
  );
}

type ScalarValue = string | number | boolean;

/** A comma-separated list of values (enum values); the text stays as typed while it means the same list. */
export function ModelList(props: Common & { value: ScalarValue[] | undefined; onChange: (value: string[] | undefined) => void }) {
  const { value, onChange } = props;
  const joined = value?.map(String).join(', ') ?? '';
  const [text, setText] = useState(joined);
  const toList = (t: string) =>
    t
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  useEffect(() => setText((current) => (toList(current).join(', ') === joined ? current : joined)), [joined]);
  const messages = useMessages(props.path, props.localProblem);
  return (
    <TextField
      {...textFieldProps(props, messages)}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const list = toList(e.target.value);
        onChange(list.length > 0 ? list : undefined);
      }}
      slotProps={{ htmlInput: htmlInputOf(props), input: props.mono ? monoInput : undefined }}
    />
  );
}

/** Text for a scalar the model keeps as written (default, demo): empty means not set. */
export function scalarText(value: ScalarValue | undefined): string {
  return value === undefined ? '' : String(value);
}
