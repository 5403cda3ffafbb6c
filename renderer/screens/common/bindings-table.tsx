/**
 * The (group, API, stage) bindings of a throttling policy or a plug-in: one row each, with the
 * live problems of that row and an optional warning per row.
 */
import Alert from '@mui/material/Alert';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import type { FieldPath } from '../../../shared/model/problems';
import type { ApiStageRef } from '../../../shared/model/schema';
import { fieldId, useFieldProblems } from '../../data/fields';
import { VisuallyHidden } from './visually-hidden';

export function BindingsTable(props: {
  /** Path of the bindings list, e.g. ['throttlingPolicies', 2, 'bindings']. */
  path: FieldPath;
  bindings: ApiStageRef[];
  onRemove: (index: number) => void;
  warn?: (ref: ApiStageRef) => string | undefined;
  /** What the owner is called in labels, e.g. `policy demo-low-qps`. */
  owner: string;
  emptyText: string;
}) {
  if (props.bindings.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
        {props.emptyText}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={`Bindings of ${props.owner}`}>
      <TableHead>
        <TableRow>
          <TableCell>Group</TableCell>
          <TableCell>API</TableCell>
          <TableCell>Stage</TableCell>
          <TableCell align="right">
            <VisuallyHidden>Actions</VisuallyHidden>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.bindings.map((b, k) => (
          <BindingRow key={`${b.group}/${b.api}/${b.stage}/${k}`} path={[...props.path, k]} binding={b} onRemove={() => props.onRemove(k)} warn={props.warn} />
        ))}
      </TableBody>
    </Table>
  );
}

function BindingRow({ path, binding, onRemove, warn }: { path: FieldPath; binding: ApiStageRef; onRemove: () => void; warn?: (ref: ApiStageRef) => string | undefined }) {
  const messages = [...useFieldProblems(path), ...useFieldProblems([...path, 'group']), ...useFieldProblems([...path, 'api'])];
  const warning = warn?.(binding);
  const label = `${binding.group} / ${binding.api} / ${binding.stage}`;
  return (
    <>
      <TableRow id={fieldId(path)} tabIndex={-1}>
        <TableCell>{binding.group}</TableCell>
        <TableCell>{binding.api}</TableCell>
        <TableCell>{binding.stage}</TableCell>
        <TableCell align="right" sx={{ width: 48 }}>
          <IconButton size="small" aria-label={`Remove binding ${label}`} onClick={onRemove}>
            <DeleteOutlined fontSize="small" />
          </IconButton>
        </TableCell>
      </TableRow>
      {(messages.length > 0 || warning) && (
        <TableRow>
          <TableCell colSpan={4} sx={{ pt: 0 }}>
            {messages.map((m) => (
              <Alert key={m} severity="error" sx={{ py: 0 }}>
                {m}
              </Alert>
            ))}
            {warning && (
              <Alert severity="warning" sx={{ py: 0 }}>
                {warning}
              </Alert>
            )}
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
