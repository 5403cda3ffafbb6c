/**
 * The layout of the list screens (groups, throttling, apps, plug-ins): a header with the "New …"
 * button, then a table of items on the left and the selected item's editor on the right, each
 * scrolling on its own; or, with no items yet, an empty state that says what to do.
 */
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';

export interface ListDetailScreenProps<T> {
  /** The screen's heading and accessible name. */
  title: string;
  subtitle: ReactNode;
  /** The create button's text, e.g. "New group"; in the header, or in the empty state when there are no items. */
  newLabel: string;
  onNew: () => void;
  /** Shown instead of the table when there are no items. */
  empty: { title: string; icon: ReactNode; text: ReactNode };
  table: SelectableTableProps<T>;
  listWidth?: number;
  /** The selected item's editor; undefined when nothing is selected. */
  detail: ReactNode | undefined;
  /** What the detail pane says when nothing is selected. */
  nothingSelected: string;
  /** Dialogs of the screen. */
  children?: ReactNode;
}

export function ListDetailScreen<T>(props: ListDetailScreenProps<T>) {
  const hasItems = props.table.items.length > 0;
  const newButton = (
    <Button variant="contained" startIcon={<AddIcon />} onClick={props.onNew}>
      {props.newLabel}
    </Button>
  );
  return (
    <ScreenLayout label={props.title} header={<PageHeader title={props.title} subtitle={props.subtitle} actions={hasItems ? newButton : undefined} />}>
      {hasItems ? (
        <MasterDetail listWidth={props.listWidth} list={<SelectableTable {...props.table} />} detail={props.detail ?? <NothingSelected text={props.nothingSelected} />} />
      ) : (
        <EmptyState title={props.empty.title} icon={props.empty.icon} action={newButton}>
          {props.empty.text}
        </EmptyState>
      )}
      {props.children}
    </ScreenLayout>
  );
}

function MasterDetail({ list, detail, listWidth = 460 }: { list: ReactNode; detail: ReactNode; listWidth?: number }) {
  return (
    <Box sx={{ display: 'flex', gap: 2, minHeight: 0, flex: 1, alignItems: 'stretch' }}>
      <Paper variant="outlined" sx={{ width: listWidth, maxWidth: '45%', flexShrink: 0, overflow: 'auto', minHeight: 0 }}>
        {list}
      </Paper>
      <Paper variant="outlined" sx={{ flex: 1, minWidth: 0, overflow: 'auto', minHeight: 0, p: 2 }}>
        {detail}
      </Paper>
    </Box>
  );
}

export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
  align?: 'left' | 'right';
  width?: number | string;
}

export interface SelectableTableProps<T> {
  /** The table's accessible name. */
  label: string;
  items: T[];
  columns: Column<T>[];
  keyOf: (item: T) => string;
  selected?: string;
  onSelect: (key: string) => void;
  /** Marks rows with problems. */
  hasProblem?: (item: T) => boolean;
}

/**
 * A table whose rows select an item. Rows take the keyboard (Enter/Space) and mark the open one
 * with `aria-current`, so a screen reader says which one is shown.
 */
export function SelectableTable<T>(props: SelectableTableProps<T>) {
  return (
    <Table size="small" stickyHeader aria-label={props.label} sx={{ tableLayout: 'fixed' }}>
      <TableHead>
        <TableRow>
          {props.columns.map((c) => (
            <TableCell key={c.header} align={c.align} sx={{ width: c.width, fontWeight: 600, whiteSpace: 'nowrap' }}>
              {c.header}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map((item) => {
          const key = props.keyOf(item);
          const selected = key === props.selected;
          return (
            <TableRow
              key={key}
              hover
              selected={selected}
              aria-current={selected ? 'true' : undefined}
              tabIndex={0}
              onClick={() => props.onSelect(key)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  props.onSelect(key);
                }
              }}
              sx={{ cursor: 'pointer', ...(props.hasProblem?.(item) ? { boxShadow: (t) => `inset 3px 0 0 ${t.palette.error.main}` } : {}) }}
            >
              {props.columns.map((c) => (
                <TableCell key={c.header} align={c.align} sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  {c.cell(item)}
                </TableCell>
              ))}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** Placeholder of the detail pane when nothing is selected. */
function NothingSelected({ text }: { text: string }) {
  return (
    <Box sx={{ height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', color: 'text.secondary', p: 4, textAlign: 'center' }}>
      <Typography variant="body2">{text}</Typography>
    </Box>
  );
}

/** A whole screen: its header, then a body that fills the rest of the height. */
export function ScreenLayout({ label, header, children }: { label: string; header: ReactNode; children: ReactNode }) {
  return (
    <Box component="section" aria-label={label} sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      {header}
      <Box sx={{ px: 3, pb: 2, flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>{children}</Box>
    </Box>
  );
}

/** The title row of a detail pane: the item's name (cut with … when long), tags, and actions that never wrap. */
export function DetailHeader({ title, tags, actions }: { title: string; tags?: ReactNode; actions?: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2, minWidth: 0 }}>
      <Typography variant="h2" component="h2" noWrap title={title} sx={{ minWidth: 0, flexShrink: 1 }}>
        {title}
      </Typography>
      {tags}
      <Box sx={{ flex: 1 }} />
      <Box sx={{ flexShrink: 0, display: 'flex', gap: 1, '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>{actions}</Box>
    </Box>
  );
}
