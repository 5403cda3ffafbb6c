/**
 * The fix offered next to a name the cloud refuses: "Use demo_hello_api", which puts the suggested
 * name in (a new name's field) or applies it (a rename), so nobody has to retype it.
 */
import type { ReactNode } from 'react';
import Button from '@mui/material/Button';
import { MONO } from '../app/theme';

export function NameFixButton({ suggestion, onUse }: { suggestion: string; onUse: (name: string) => void }) {
  return (
    <Button
      size="small"
      variant="text"
      // Keep the focus in the field: a blur would first try to apply what is typed there.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onUse(suggestion)}
      sx={{ ml: 0.5, p: '0 4px', minWidth: 0, minHeight: 0, lineHeight: 1.5, verticalAlign: 'baseline', textTransform: 'none', fontSize: 'inherit' }}
    >
      Use <span style={{ fontFamily: MONO, marginLeft: '0.3em' }}>{suggestion}</span>
    </Button>
  );
}

/** A field's helper text with the fix after it, when there is one. */
export function withNameFix(helper: ReactNode, suggestion: string | undefined, onUse: (name: string) => void): ReactNode {
  if (suggestion === undefined) return helper;
  return (
    <>
      {helper}
      <NameFixButton suggestion={suggestion} onUse={onUse} />
    </>
  );
}
