/**
 * A table whose rows are edited in place: add, remove, move up/down. Each column renders its own
 * control for a row; the column headers are the controls' visible labels. Rows with more fields
 * than fit across take a second line (`details`) with labelled fields, so nothing is cut off.
 */
import { Fragment } from 'react';
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import { VisuallyHidden } from './visually-hidden';

export interface RowColumn<T> {
  header: string;
  /** Minimum width in pixels. */
  width: number;
  render: (row: T, index: number) => ReactNode;
  /** A sentence shown as the header's tooltip. */
  help?: string;
}

export interface RowsEditorProps<T> {
  /** The table's accessible name, e.g. "Request parameters". */
  label: string;
  /** What one row is called in button labels, e.g. "parameter". */
  noun: string;
  rows: readonly T[];
  columns: RowColumn<T>[];
  /** A short name of a row for button labels (its name, or its position). */
  rowName: (row: T, index: number) => string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  onMove: (from: number, to: number) => void;
  /** What to say when there are no rows. */
  empty: ReactNode;
  id?: string;
  /** A second line under each row, across the whole table, for fields that carry their own labels. */
  details?: (row: T, index: number) => ReactNode;
}

export function RowsEditor<T>({ label, noun, rows, columns, rowName, onAdd, onRemove, onMove, empty, id, details }: RowsEditorProps<T>) {
  const minWidth = columns.reduce((sum, c) => sum + c.width, 0) + 120;
  return (
    <Box id={id} tabIndex={id ? -1 : undefined}>
      {rows.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary', py: 1 }}>
          {empty}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, width: 'fit-content', maxWidth: '100%' }}>
          <Table aria-label={label} sx={{ minWidth, '& td': { verticalAlign: 'top', py: 0.75, px: 0.75 }, '& th': { px: 0.75, whiteSpace: 'nowrap' } }}>
            <TableHead>
              <TableRow>
                {columns.map((c) => (
                  <TableCell key={c.header} sx={{ minWidth: c.width, fontWeight: 600 }} title={c.help}>
                    {c.header}
                  </TableCell>
                ))}
                <TableCell sx={{ width: 112 }}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row, i) => {
                const name = rowName(row, i);
                return (
                  <Fragment key={i}>
                    <TableRow sx={details ? { '& > td': { borderBottom: 0 } } : undefined}>
                      {columns.map((c) => (
                        <TableCell key={c.header}>{c.render(row, i)}</TableCell>
                      ))}
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        <Tooltip title="Move up">
                          <span>
                            <IconButton aria-label={`Move ${noun} ${name} up`} disabled={i === 0} onClick={() => onMove(i, i - 1)}>
                              <ArrowUpwardIcon fontSize="small" />
                            </IconButton>
                          </span>
                        </Tooltip>
                        <Tooltip title="Move down">
                          <span>
                            <IconButton aria-label={`Move ${noun} ${name} down`} disabled={i === rows.length - 1} onClick={() => onMove(i, i + 1)}>
                              <ArrowDownwardIcon fontSize="small" />
                            </IconButton>
                          </span>
                        </Tooltip>
                        <Tooltip title="Remove">
                          <IconButton aria-label={`Remove ${noun} ${name}`} onClick={() => onRemove(i)}>
                            <DeleteIcon fontSize="small" />
                          </IconButton>
                        </Tooltip>
                      </TableCell>
                    </TableRow>
                    {details && (
                      <TableRow>
                        <TableCell colSpan={columns.length + 1} sx={{ pt: 0 }}>
                          {details(row, i)}
                        </TableCell>
                      </TableRow>
                    )}
                  </Fragment>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      )}
      <Button startIcon={<AddIcon />} onClick={onAdd} sx={{ mt: 1 }}>
        Add {noun}
      </Button>
    </Box>
  );
}

/** List helpers for row edits: each returns a new array. */
export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  const out = list.slice();
  out[index] = item;
  return out;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list.slice();
  const out = list.slice();
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}
