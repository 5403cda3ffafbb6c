/** Header names and values, as sent or received, in a compact table. */
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { MONO } from '../../../app/theme';

export function HeadersTable({ label, headers }: { label: string; headers: [string, string][] }) {
  if (headers.length === 0) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        No headers.
      </Typography>
    );
  }
  return (
    <Table aria-label={label} sx={{ tableLayout: 'fixed', border: 1, borderColor: 'divider', '& td, & th': { py: 0.4, px: 1 } }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '34%', fontWeight: 600 }}>Name</TableCell>
          <TableCell sx={{ fontWeight: 600 }}>Value</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {headers.map(([name, value], i) => (
          <TableRow key={`${name}-${i}`}>
            <TableCell sx={{ fontFamily: MONO, fontSize: '0.78rem', overflowWrap: 'anywhere', verticalAlign: 'top' }}>{name}</TableCell>
            <TableCell sx={{ fontFamily: MONO, fontSize: '0.78rem', overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
