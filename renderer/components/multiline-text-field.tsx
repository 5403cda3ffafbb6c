/**
 * A multi-line text field whose browser undo (Ctrl/Cmd+Z) takes back a run of typing, not one
 * character. Chromium closes the undo step it is growing whenever script changes text anywhere in
 * the page; MUI's multi-line field does so on every keystroke twice over: React rewrites a
 * controlled <textarea>'s text child (its default value) to match the value, and the autosize
 * copies the text into a hidden measuring <textarea>. Here the <textarea> is left uncontrolled
 * with no text child, the value from props is written to it only when it differs from what the
 * element holds (an undo of the design, a YAML edit), and CSS sizes it to its content. MUI still
 * sees a controlled field, so its label, filled state and helper text stay right.
 */
import { useLayoutEffect, useRef } from 'react';
import type { CSSProperties, Ref, TextareaHTMLAttributes } from 'react';
import TextField from '@mui/material/TextField';
import type { TextFieldProps } from '@mui/material/TextField';
import { useForkRef } from '@mui/material/utils';

/** MUI's line height for inputs. */
const LINE = 1.4375;

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue'> & {
  value?: unknown;
  minRows?: number;
  maxRows?: number;
  ref?: Ref<HTMLTextAreaElement>;
};

/** The input component MUI renders in place of its own text area. */
function UndoableTextarea({ value, minRows = 1, maxRows, ref, style, ...props }: TextAreaProps) {
  const own = useRef<HTMLTextAreaElement>(null);
  const handleRef = useForkRef(own, ref);
  const text = value === undefined || value === null ? '' : String(value);
  useLayoutEffect(() => {
    const element = own.current;
    if (element && element.value !== text) element.value = text;
  }, [text]);
  // Grows with its text between minRows and maxRows lines (field-sizing: where unsupported, it keeps minRows and scrolls).
  const sizing = { ...style, fieldSizing: 'content', minHeight: `${minRows * LINE}em`, maxHeight: maxRows ? `${maxRows * LINE}em` : undefined, overflowY: 'auto' } as CSSProperties;
  return <textarea {...props} ref={handleRef} rows={minRows} style={sizing} />;
}

export type MultilineTextFieldProps = Omit<TextFieldProps, 'multiline' | 'rows' | 'select'> & { minRows?: number; maxRows?: number };

/** A TextField with `multiline` whose typing undoes in runs; use it wherever a field takes several lines. */
export function MultilineTextField({ minRows, maxRows, slotProps, ...props }: MultilineTextFieldProps) {
  const input = (slotProps?.input ?? {}) as object;
  const htmlInput = (slotProps?.htmlInput ?? {}) as object;
  return (
    <TextField
      {...props}
      multiline
      slotProps={{
        ...slotProps,
        input: { ...input, inputComponent: UndoableTextarea as never },
        htmlInput: { ...htmlInput, minRows, maxRows },
      }}
    />
  );
}
