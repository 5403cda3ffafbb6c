/** The APIs an import would create: method, path, name, parameter count and backend. */
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { Api } from '../../../shared/model/schema';
import { MONO } from '../../app/theme';

export function backendSummary(api: Api): string {
  const b = api.backend;
  return b.type === 'MOCK' ? `Mock, HTTP ${b.statusCode}` : `${b.method} ${b.address}${b.path}`;
}

export function PreviewTable({ apis }: { apis: Api[] }) {
  const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
  return (
    <Box sx={{ maxHeight: 340, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" stickyHeader aria-label="APIs to import" sx={{ tableLayout: 'fixed' }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 80 }}>Method</TableCell>
            <TableCell>Path</TableCell>
            <TableCell>Name</TableCell>
            <TableCell align="right" sx={{ width: 100 }}>
              Parameters
            </TableCell>
            <TableCell>Backend</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {apis.map((api, i) => (
            <TableRow key={i}>
              <TableCell sx={{ fontFamily: MONO }}>{api.request.method}</TableCell>
              <TableCell sx={{ fontFamily: MONO, ...ellipsis }} title={api.request.path}>
                {api.request.path}
              </TableCell>
              <TableCell sx={ellipsis} title={api.name}>
                {api.name}
              </TableCell>
              <TableCell align="right">{api.parameters.length}</TableCell>
              <TableCell sx={ellipsis} title={backendSummary(api)}>
                {backendSummary(api)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
