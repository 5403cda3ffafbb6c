/**
 * A plan to review before apply: a summary, then every line grouped by object type; a line with
 * field changes opens to show each field's cloud value next to the design's. Drift (the cloud
 * changed since the last sync) and never-synced objects are called out on their lines.
 */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import KeyboardArrowDown from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowRight from '@mui/icons-material/KeyboardArrowRight';
import type { PlanView } from '../../../shared/ipc/cloud-views';
import type { PlanLine } from '../../../shared/sync/plan-types';
import { OP_LABELS, planSections, shownValue } from './plan-sections';

export function PlanSummary({ plan }: { plan: PlanView }) {
  const { counts } = plan;
  const items: [string, number, 'default' | 'success' | 'info' | 'error' | 'warning'][] = [
    ['to create', counts.creates, 'success'],
    ['to update', counts.updates, 'info'],
    ['to delete', counts.deletions, 'error'],
    ['drifted in the cloud', counts.drift, 'warning'],
    ['never synced', counts.neverSynced, 'default'],
    ['conflicts', counts.conflicts, 'error'],
  ];
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} aria-label="Plan summary">
      <Chip label={`${counts.changes} change${counts.changes === 1 ? '' : 's'}`} color={counts.changes > 0 ? 'primary' : 'default'} />
      {items
        .filter(([, count]) => count > 0)
        .map(([label, count, color]) => (
          <Chip key={label} label={`${count} ${label}`} color={color} variant="outlined" />
        ))}
    </Stack>
  );
}

export function PlanReview({ plan }: { plan: PlanView }) {
  const { changes, information } = planSections(plan.lines);
  return (
    <Stack spacing={2} aria-label="Plan">
      {changes.map((section) => (
        <Paper key={section.kind} variant="outlined" component="section" aria-label={section.label}>
          <Typography variant="h3" component="h3" sx={{ px: 2, pt: 1.5, pb: 0.5 }}>
            {section.label} <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400 }}>({section.lines.length})</Box>
          </Typography>
          <Table size="small">
            <TableBody>
              {section.lines.map((line, index) => (
                <PlanLineRow key={`${line.op}:${line.name}:${index}`} line={line} />
              ))}
            </TableBody>
          </Table>
        </Paper>
      ))}
      {information.length > 0 && (
        <Paper variant="outlined" component="section" aria-label="Not changed">
          <Typography variant="h3" component="h3" sx={{ px: 2, pt: 1.5 }}>
            Not changed by apply ({information.length})
          </Typography>
          <Typography variant="body2" sx={{ px: 2, pb: 0.5, color: 'text.secondary' }}>
            In the cloud but not made by this project, or dropped from the design since the last sync (deleted only if you choose to delete them).
          </Typography>
          <Table size="small">
            <TableBody>
              {information.map((line, index) => (
                <PlanLineRow key={`${line.op}:${line.name}:${index}`} line={line} />
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

function PlanLineRow({ line }: { line: PlanLine }) {
  const [open, setOpen] = useState(false);
  const fields = line.fields ?? [];
  const op = OP_LABELS[line.op];
  const neverSynced = line.op === 'create' && !line.drift && line.kind !== 'deployment';
  return (
    <>
      <TableRow hover aria-label={`${op.label} ${line.name}`} sx={{ '& > td': { borderBottom: open ? 'none' : undefined } }}>
        <TableCell sx={{ width: 36, pr: 0 }}>
          {fields.length > 0 && (
            <IconButton size="small" aria-label={open ? `Hide the fields of ${line.name}` : `Show the fields of ${line.name}`} aria-expanded={open} onClick={() => setOpen(!open)}>
              {open ? <KeyboardArrowDown fontSize="small" /> : <KeyboardArrowRight fontSize="small" />}
            </IconButton>
          )}
        </TableCell>
        <TableCell sx={{ width: 150 }}>
          <Chip size="small" label={op.label} color={op.tone} variant={op.tone === 'default' ? 'outlined' : 'filled'} />
        </TableCell>
        <TableCell>
          <Typography variant="body2" sx={{ fontFamily: 'monospace', fontWeight: 500 }}>
            {line.name}
          </Typography>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {line.reason}
            {fields.length > 0 && ` ${fields.length} field${fields.length === 1 ? '' : 's'}: ${fields.map((field) => field.path || '(all)').slice(0, 4).join(', ')}${fields.length > 4 ? '…' : ''}`}
          </Typography>
        </TableCell>
        <TableCell sx={{ width: 210, textAlign: 'right' }}>
          {line.drift && <Chip size="small" color="warning" label="Drift: changed in the cloud" />}
          {neverSynced && <Chip size="small" variant="outlined" label="Never synced" />}
        </TableCell>
      </TableRow>
      {fields.length > 0 && (
        <TableRow>
          <TableCell colSpan={4} sx={{ py: 0, ...(open ? {} : { borderBottom: 'none' }) }}>
            <Collapse in={open} unmountOnExit>
              <Table size="small" aria-label={`Fields of ${line.name}`} sx={{ mb: 1.5, ml: 5, width: 'calc(100% - 40px)' }}>
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ width: '24%' }}>Field</TableCell>
                    <TableCell sx={{ width: '38%' }}>In the cloud</TableCell>
                    <TableCell>In the design</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {fields.map((field) => (
                    <TableRow key={field.path}>
                      <TableCell sx={{ fontFamily: 'monospace' }}>{field.path || '(all)'}</TableCell>
                      <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all', color: 'error.main' }}>{shownValue(field.from)}</TableCell>
                      <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all', color: 'success.main' }}>{shownValue(field.to)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Collapse>
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
