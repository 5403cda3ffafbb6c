/** Small chips for an API's method and the stages that serve it. */
import { memo } from 'react';
import Box from '@mui/material/Box';
import type { HttpMethod, Stage } from '../../../shared/model/schema';
import { MONO } from '../../app/theme';

const METHOD_COLORS: Record<HttpMethod, string> = {
  GET: 'success.main',
  POST: 'warning.main',
  PUT: 'info.main',
  PATCH: 'secondary.main',
  DELETE: 'error.main',
  HEAD: 'text.secondary',
  OPTIONS: 'text.secondary',
  ANY: 'primary.main',
};

export const MethodChip = memo(function MethodChip({ method }: { method: HttpMethod }) {
  return (
    <Box component="span" sx={{ fontFamily: MONO, fontSize: '0.72rem', fontWeight: 700, color: METHOD_COLORS[method], letterSpacing: 0.3 }}>
      {method}
    </Box>
  );
});

const STAGE_COLORS: Record<Stage, { light: string; dark: string }> = {
  TEST: { light: '#1565c0', dark: '#90caf9' },
  PRE: { light: '#8a5a00', dark: '#ffcc80' },
  RELEASE: { light: '#1b5e20', dark: '#a5d6a7' },
};

export const StageChips = memo(function StageChips({ stages, emptyLabel }: { stages: Stage[]; emptyLabel?: string }) {
  if (stages.length === 0) {
    return emptyLabel ? (
      <Box component="span" sx={{ color: 'text.secondary', fontSize: '0.75rem' }}>
        {emptyLabel}
      </Box>
    ) : null;
  }
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5 }} aria-label={`Served in ${stages.join(', ')}`}>
      {stages.map((s) => (
        <Box
          key={s}
          component="span"
          sx={(theme) => ({
            fontSize: '0.66rem',
            fontWeight: 700,
            px: 0.6,
            py: 0.1,
            borderRadius: 0.75,
            border: 1,
            lineHeight: 1.5,
            color: STAGE_COLORS[s][theme.palette.mode],
            borderColor: STAGE_COLORS[s][theme.palette.mode],
          })}
        >
          {s}
        </Box>
      ))}
    </Box>
  );
});
