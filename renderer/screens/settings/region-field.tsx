/**
 * The profile's region: free text with the common ids as suggestions until a connection test has
 * listed the cloud's own regions, then a choice among those.
 */
import Autocomplete from '@mui/material/Autocomplete';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { COMMON_REGIONS } from './profile-form';

export interface RegionFieldProps {
  value: string;
  onChange: (region: string) => void;
  onBlur: () => void;
  /** What the last connection test listed; absent before one. */
  regions?: { id: string; name: string }[];
  error?: string;
}

const LABEL = 'Region';

export function RegionField({ value, onChange, onBlur, regions, error }: RegionFieldProps) {
  if (regions && regions.length > 0) {
    const listed = regions.some((region) => region.id === value);
    return (
      <TextField
        select
        label={LABEL}
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        error={error !== undefined || (value !== '' && !listed)}
        helperText={error ?? (value !== '' && !listed ? `This cloud does not offer ${value}; choose one of its ${regions.length} regions.` : `The ${regions.length} regions this cloud offers.`)}
      >
        {/* A region the cloud does not list stays shown, so the choice is visibly wrong rather than blank. */}
        {value !== '' && !listed && (
          <MenuItem value={value} disabled>
            {value} (not offered)
          </MenuItem>
        )}
        {regions.map((region) => (
          <MenuItem key={region.id} value={region.id}>
            {region.id}
            {region.name !== region.id ? ` — ${region.name}` : ''}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  return (
    <Autocomplete
      freeSolo
      options={COMMON_REGIONS}
      inputValue={value}
      onInputChange={(_, text) => onChange(text)}
      renderInput={(params) => (
        <TextField
          {...params}
          label={LABEL}
          required
          onBlur={onBlur}
          error={error !== undefined}
          helperText={error ?? 'A region id, e.g. cn-hangzhou. Test the connection to pick one the cloud offers.'}
        />
      )}
    />
  );
}
