/**
 * Names and values a call carries (query parameters, headers, form fields). The API's own
 * parameters come first with their type; more rows can be added. A checkbox says whether a row is
 * sent, so an optional parameter can be left out.
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import { MONO } from '../../../app/theme';
import type { PairRow, ParamInfo } from './debug-form';

/** How a parameter's definition reads beside its field: `String, required: the user's id`. */
export function paramHint(param: ParamInfo): string {
  const what = `${param.type}${param.required ? ', required' : ''}`;
  return param.description ? `${what}: ${param.description}` : what;
}

/** The choices of a value field: the enum, true/false for a Boolean, or none (free text). */
function choicesOf(param: ParamInfo | undefined): string[] | undefined {
  if (param?.enum && param.enum.length > 0) return param.enum;
  if (param?.type === 'Boolean') return ['true', 'false'];
  return undefined;
}

export function ValueField({ label, row, onChange, hideLabel }: { label: string; row: PairRow; onChange: (value: string) => void; hideLabel?: boolean }) {
  const choices = choicesOf(row.param);
  const common = {
    value: row.value,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value),
    fullWidth: true,
    label: hideLabel ? undefined : label,
    slotProps: { htmlInput: { 'aria-label': label, style: { fontFamily: MONO, fontSize: '0.82rem' } } },
  };
  if (choices) {
    return (
      <TextField select {...common} slotProps={{ ...common.slotProps, select: { displayEmpty: true, inputProps: { 'aria-label': label } } }}>
        <MenuItem value="">
          <em>empty</em>
        </MenuItem>
        {choices.map((c) => (
          <MenuItem key={c} value={c}>
            {c}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  return <TextField {...common} />;
}

export function PairsEditor({ noun, rows, onChange, empty }: { noun: string; rows: PairRow[]; onChange: (rows: PairRow[]) => void; empty: string }) {
  const set = (i: number, change: Partial<PairRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <Box>
      {rows.length === 0 && (
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 0.5 }}>
          {empty}
        </Typography>
      )}
      {rows.map((row, i) => {
        const position = `${noun} ${i + 1}`;
        const valueLabel = row.param ? `${noun} ${row.name}` : `${position} value`;
        return (
          <Box key={i} sx={{ display: 'grid', gridTemplateColumns: '32px minmax(110px, 2fr) minmax(120px, 3fr) 32px', gap: 1, alignItems: 'flex-start', mb: 1 }}>
            <Checkbox
              checked={row.include}
              onChange={(e) => set(i, { include: e.target.checked })}
              slotProps={{ input: { 'aria-label': `Send ${row.name ? `${noun.toLowerCase()} ${row.name}` : position.toLowerCase()}` } }}
              sx={{ p: 0.5, mt: 0.25 }}
            />
            {row.param ? (
              <Box sx={{ minWidth: 0, pt: 0.5 }}>
                <Typography sx={{ fontFamily: MONO, fontSize: '0.82rem', fontWeight: 600, overflowWrap: 'anywhere' }}>{row.name}</Typography>
                <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block', lineHeight: 1.3 }}>
                  {paramHint(row.param)}
                </Typography>
              </Box>
            ) : (
              <TextField
                value={row.name}
                placeholder="name"
                onChange={(e) => set(i, { name: e.target.value })}
                slotProps={{ htmlInput: { 'aria-label': `${position} name`, style: { fontFamily: MONO, fontSize: '0.82rem' } } }}
              />
            )}
            <ValueField label={valueLabel} hideLabel row={row} onChange={(value) => set(i, { value, include: row.include || value !== '' })} />
            {row.param ? (
              <span />
            ) : (
              <Tooltip title="Remove">
                <IconButton aria-label={`Remove ${position.toLowerCase()}`} onClick={() => onChange(rows.filter((_, j) => j !== i))} sx={{ mt: 0.25 }}>
                  <DeleteOutlineIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            )}
          </Box>
        );
      })}
      <Button startIcon={<AddIcon />} onClick={() => onChange([...rows, { name: '', value: '', include: true }])}>
        Add {noun.toLowerCase()}
      </Button>
    </Box>
  );
}
