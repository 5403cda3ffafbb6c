/**
 * A list of short strings edited one field per entry (CIDR blocks, CORS origins), so each entry
 * has its own path, id and validation message.
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import AddIcon from '@mui/icons-material/Add';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import type { FieldPath } from '../../../shared/model/problems';
import { ModelText } from '../../components/model-controls';
import { fieldId } from '../../data/fields';

export function StringListEditor(props: {
  path: FieldPath;
  /** Label of one entry, e.g. "CIDR block". */
  itemLabel: string;
  values: string[];
  onChange: (values: string[], merge?: string) => void;
  addLabel: string;
  placeholder?: string;
  /** Keep at least this many entries (the remove button disappears below it). */
  minItems?: number;
  /** A message for an entry known only here (e.g. empty). */
  check?: (value: string) => string | undefined;
}) {
  const { values, path, minItems = 0 } = props;
  return (
    <Box>
      <Stack spacing={1}>
        {values.map((value, k) => (
          <Stack key={k} direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
            <ModelText
              path={[...path, k]}
              label={`${props.itemLabel} ${k + 1}`}
              value={value}
              placeholder={props.placeholder}
              localProblem={props.check?.(value)}
              onChange={(v) => props.onChange(values.map((x, j) => (j === k ? v : x)), fieldId([...path, k]))}
            />
            {values.length > minItems && (
              <IconButton aria-label={`Remove ${props.itemLabel} ${k + 1} (${value || 'empty'})`} onClick={() => props.onChange(values.filter((_, j) => j !== k))} sx={{ mt: 0.5 }}>
                <CloseOutlined fontSize="small" />
              </IconButton>
            )}
          </Stack>
        ))}
      </Stack>
      <Button size="small" startIcon={<AddIcon />} onClick={() => props.onChange([...values, ''])} sx={{ mt: 1 }}>
        {props.addLabel}
      </Button>
    </Box>
  );
}
