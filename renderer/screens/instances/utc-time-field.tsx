/** A maintenance time as a picker of UTC half hours, each shown with the same moment in the buyer's time zone. */
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { localLabel, timeOptions, utcLabel } from './maintenance-times';

export function UtcTimeField({ label, value, onChange, width = 240 }: { label: string; value: string; onChange: (time: string) => void; width?: number }) {
  const local = localLabel(value);
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      helperText={local ? `${local}` : 'UTC'}
      sx={{ width }}
      slotProps={{ select: { MenuProps: { slotProps: { paper: { sx: { maxHeight: 320 } } } }, renderValue: (selected) => utcLabel(String(selected)) } }}
    >
      {timeOptions(value).map((time) => {
        const there = localLabel(time);
        return (
          <MenuItem key={time} value={time}>
            {utcLabel(time)}
            {there && (
              <span style={{ marginLeft: 12, opacity: 0.7, fontSize: '0.85em' }}>{there}</span>
            )}
          </MenuItem>
        );
      })}
    </TextField>
  );
}
