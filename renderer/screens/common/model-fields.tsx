/**
 * Form fields bound to one path of the design: each carries id={fieldId(path)} so the status bar
 * can focus it, and shows the live validation messages for that path under it.
 */
import { useEffect, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';
import type { FieldPath } from '../../../shared/model/problems';
import { fieldId, useFieldProblems } from '../../data/fields';

interface BaseProps {
  path: FieldPath;
  label: string;
  /** A sentence under the field when it has no problem. */
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  sx?: SxProps<Theme>;
  placeholder?: string;
  /** Extra problems known only here (e.g. a name another item already uses). */
  localProblem?: string;
}

/** Messages for a field: a local one first, then the project's live problems at that path. */
function useMessages(path: FieldPath, localProblem?: string): string[] {
  const problems = useFieldProblems(path);
  return localProblem ? [localProblem, ...problems.filter((p) => p !== localProblem)] : problems;
}

function helper(messages: string[], hint: ReactNode): ReactNode {
  if (messages.length === 0) return hint;
  return messages.length === 1 ? messages[0] : messages.map((m) => <span key={m} style={{ display: 'block' }}>{m}</span>);
}

/** A text field that writes every change to the design (one undo step per change). */
export function ModelTextField(props: BaseProps & { value: string; onChange: (value: string) => void; multiline?: boolean; minRows?: number }) {
  const messages = useMessages(props.path, props.localProblem);
  return (
    <TextField
      id={fieldId(props.path)}
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={messages.length > 0}
      helperText={helper(messages, props.hint)}
      required={props.required}
      disabled={props.disabled}
      placeholder={props.placeholder}
      multiline={props.multiline}
      minRows={props.minRows}
      size="small"
      fullWidth
      sx={props.sx}
    />
  );
}

/**
 * A text field edited as a draft and written on Enter or when it loses focus; Escape restores the
 * saved value. Used for names and keys, where each keystroke must not rename references.
 * `check` blocks the write with its message (e.g. a name already in use).
 */
export function DraftTextField(
  props: BaseProps & { value: string; onCommit: (value: string) => void; check?: (draft: string) => string | undefined; autoFocus?: boolean },
) {
  const { value, onCommit, check } = props;
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const blocking = draft !== value ? check?.(draft) : undefined;
  const messages = useMessages(props.path, blocking ?? props.localProblem);

  const commit = () => {
    if (draft === value) return;
    if (check?.(draft)) return;
    onCommit(draft);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') setDraft(value);
  };
  return (
    <TextField
      id={fieldId(props.path)}
      label={props.label}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
      error={messages.length > 0}
      helperText={helper(messages, draft !== value && !blocking ? 'Press Enter to apply, Escape to cancel.' : props.hint)}
      required={props.required}
      disabled={props.disabled}
      placeholder={props.placeholder}
      autoFocus={props.autoFocus}
      size="small"
      fullWidth
      sx={props.sx}
    />
  );
}

/**
 * A whole-number field. Empty means "not set" when `optional`; text that is not a whole number
 * stays in the field with a message and is not written.
 */
export function IntegerField(
  props: BaseProps & { value: number | undefined; onChange: (value: number | undefined) => void; optional?: boolean; min?: number },
) {
  const { value, onChange, optional, min = 0 } = props;
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText((current) => (parseInteger(current) === value ? current : value === undefined ? '' : String(value))), [value]);
  const parsed = parseInteger(text);
  let local: string | undefined;
  if (text.trim() === '' && !optional) local = `${props.label} is required: enter a whole number.`;
  else if (text.trim() !== '' && parsed === undefined) local = `${props.label} must be a whole number, e.g. 100.`;
  else if (parsed !== undefined && parsed < min) local = `${props.label} must be at least ${min}.`;
  const messages = useMessages(props.path, local ?? props.localProblem);

  const change = (next: string) => {
    setText(next);
    const n = parseInteger(next);
    if (next.trim() === '' && optional) onChange(undefined);
    else if (n !== undefined && n >= min) onChange(n);
  };
  return (
    <TextField
      id={fieldId(props.path)}
      label={props.label}
      value={text}
      onChange={(e) => change(e.target.value)}
      error={messages.length > 0}
      helperText={helper(messages, props.hint)}
      required={props.required ?? !optional}
      disabled={props.disabled}
      placeholder={props.placeholder ?? (optional ? 'Not set' : undefined)}
      size="small"
      fullWidth
      sx={props.sx}
      slotProps={{ htmlInput: { inputMode: 'numeric' } }}
    />
  );
}

function parseInteger(text: string): number | undefined {
  const t = text.trim();
  if (!/^-?\d+$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : undefined;
}
