/**
 * Controls bound to one path of the design: each carries id={fieldId(path)} (so a problem in the
 * status bar can focus it) and shows the live problems at that path. `hideLabel` keeps the label
 * for screen readers only, for cells of a table whose column header says it.
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';
import Box from '@mui/material/Box';
import type { FieldPath } from '../../shared/model/problems';
import { fieldId, useFieldProblems } from '../data/fields';
import { MONO } from '../app/theme';

interface Common {
  path: FieldPath;
  label: string;
  hideLabel?: boolean;
  /** Shown under the field when it has no problem. */
  hint?: ReactNode;
  disabled?: boolean;
  required?: boolean;
  sx?: SxProps<Theme>;
  /** A problem known only here (e.g. text that is not a number), shown before the project's. */
  local?: string;
  mono?: boolean;
}

function useMessages(path: FieldPath, local?: string): string[] {
  const problems = useFieldProblems(path);
  return local ? [local, ...problems] : problems;
}

function helperOf(messages: string[], hint: ReactNode): ReactNode {
  if (messages.length === 0) return hint;
  return messages.length === 1 ? messages[0] : messages.map((m) => <span key={m} style={{ display: 'block' }}>{m}</span>);
}

function labelProps(label: string, hideLabel: boolean | undefined) {
  return hideLabel ? { htmlInput: { 'aria-label': label } } : {};
}

export function ModelText(props: Common & { value: string; onChange: (value: string) => void; onBlur?: () => void; multiline?: boolean; minRows?: number; placeholder?: string }) {
  const messages = useMessages(props.path, props.local);
  return (
    <TextField
      id={fieldId(props.path)}
      label={props.hideLabel ? undefined : props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      onBlur={props.onBlur}
      error={messages.length > 0}
      helperText={helperOf(messages, props.hint)}
      required={props.required}
      disabled={props.disabled}
      multiline={props.multiline}
      minRows={props.minRows}
      placeholder={props.placeholder}
      fullWidth
      sx={props.sx}
      slotProps={{
        ...labelProps(props.label, props.hideLabel),
        input: props.mono ? { sx: { fontFamily: MONO, fontSize: '0.85rem' } } : undefined,
      }}
    />
  );
}

/**
 * Text edited as a draft and applied on Enter or blur (Escape restores), for names: each
 * keystroke must not rename what references it. `check` blocks applying with its message.
 */
export function ModelDraftText(props: Common & { value: string; onCommit: (value: string) => void; check?: (draft: string) => string | undefined }) {
  const { value, onCommit, check } = props;
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const blocking = draft !== value ? check?.(draft) : undefined;
  const messages = useMessages(props.path, blocking ?? props.local);
  const commit = () => {
    if (draft !== value && !check?.(draft)) onCommit(draft);
  };
  return (
    <TextField
      id={fieldId(props.path)}
      label={props.hideLabel ? undefined : props.label}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(value);
      }}
      error={messages.length > 0}
      helperText={helperOf(messages, draft !== value && !blocking ? 'Press Enter to apply, Escape to cancel.' : props.hint)}
      required={props.required}
      disabled={props.disabled}
      fullWidth
      sx={props.sx}
      slotProps={labelProps(props.label, props.hideLabel)}
    />
  );
}

export interface Option<T extends string> {
  value: T;
  label: ReactNode;
}

export function ModelSelect<T extends string>(props: Common & { value: T; options: readonly Option<T>[]; onChange: (value: T) => void }) {
  const messages = useMessages(props.path, props.local);
  return (
    <TextField
      select
      id={fieldId(props.path)}
      label={props.hideLabel ? undefined : props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as T)}
      error={messages.length > 0}
      helperText={helperOf(messages, props.hint)}
      required={props.required}
      disabled={props.disabled}
      fullWidth
      sx={props.sx}
      slotProps={{ select: { inputProps: props.hideLabel ? { 'aria-label': props.label } : undefined, SelectDisplayProps: props.hideLabel ? { 'aria-label': props.label } : undefined } }}
    >
      {props.options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function ModelCheckbox(props: Omit<Common, 'mono'> & { checked: boolean; onChange: (checked: boolean) => void }) {
  const messages = useMessages(props.path, props.local);
  const box = (
    <Checkbox
      id={fieldId(props.path)}
      checked={props.checked}
      onChange={(e) => props.onChange(e.target.checked)}
      disabled={props.disabled}
      slotProps={{ input: props.hideLabel ? { 'aria-label': props.label } : undefined }}
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
 * A number. Empty means "not set" when `optional`; text that is not a number stays in the field
 * with a message and is not written, so typing `1.` or `-` never loses what was typed.
 */
export function ModelNumber(props: Common & { value: number | undefined; onChange: (value: number | undefined) => void; integer?: boolean; optional?: boolean; min?: number; placeholder?: string }) {
  const { value, onChange, optional, integer = false, min } = props;
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText((current) => (parseNumber(current, integer) === value ? current : value === undefined ? '' : String(value))), [value, integer]);
  const parsed = parseNumber(text, integer);
  let local: string | undefined;
  if (text.trim() === '') local = optional ? undefined : `${props.label} is required.`;
  else if (parsed === undefined) local = `${props.label} must be ${integer ? 'a whole number' : 'a number'}.`;
  else if (min !== undefined && parsed < min) local = `${props.label} must be at least ${min}.`;
  const messages = useMessages(props.path, local ?? props.local);
  const change = (next: string) => {
    setText(next);
    const n = parseNumber(next, integer);
    if (next.trim() === '' && optional) onChange(undefined);
    else if (n !== undefined && (min === undefined || n >= min)) onChange(n);
  };
  return (
    <TextField
      id={fieldId(props.path)}
      label={props.hideLabel ? undefined : props.label}
      value={text}
      onChange={(e) => change(e.target.value)}
      error={messages.length > 0}
      helperText={helperOf(messages, props.hint)}
      required={props.required}
      disabled={props.disabled}
      placeholder={props.placeholder ?? (optional ? '—' : undefined)}
      fullWidth
      sx={props.sx}
      slotProps={{ htmlInput: { inputMode: integer ? 'numeric' : 'decimal', ...(props.hideLabel ? { 'aria-label': props.label } : {}) } }}
    />
  );
}

type ScalarValue = string | number | boolean;

/** A comma-separated list of values (enum values); the text stays as typed while it means the same list. */
export function ModelList(props: Common & { value: ScalarValue[] | undefined; onChange: (value: string[] | undefined) => void; placeholder?: string }) {
  const { value, onChange } = props;
  const joined = value?.map(String).join(', ') ?? '';
  const [text, setText] = useState(joined);
  const toList = (t: string) =>
    t
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  useEffect(() => setText((current) => (toList(current).join(', ') === joined ? current : joined)), [joined]);
  const messages = useMessages(props.path, props.local);
  return (
    <TextField
      id={fieldId(props.path)}
      label={props.hideLabel ? undefined : props.label}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const list = toList(e.target.value);
        onChange(list.length > 0 ? list : undefined);
      }}
      error={messages.length > 0}
      helperText={helperOf(messages, props.hint)}
      disabled={props.disabled}
      placeholder={props.placeholder}
      fullWidth
      sx={props.sx}
      slotProps={labelProps(props.label, props.hideLabel)}
    />
  );
}

/** Text for a scalar the model keeps as written (default, demo): empty means not set. */
export function scalarText(value: ScalarValue | undefined): string {
  return value === undefined ? '' : String(value);
}
