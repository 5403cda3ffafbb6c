/**
 * Pull: read what the cloud holds and preview what taking it into the design would add or change;
 * only "Merge into the design" changes the project file.
 */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import CloudDownload from '@mui/icons-material/CloudDownload';
import { useCloudStore } from '../../data/cloud-store';
import { useProjectStore } from '../../data/project-store';
import { shownValue } from './plan-sections';

const KIND_NAMES = { group: 'Group', api: 'API', app: 'App', throttlingPolicy: 'Throttling policy', plugin: 'Plug-in', authorization: 'Authorization', deployment: 'Deployment' } as const;

export function PullTab() {
  const pull = useCloudStore((s) => s.pull);
  const pulling = useCloudStore((s) => s.pulling);
  const previewPull = useCloudStore((s) => s.previewPull);
  const mergePull = useCloudStore((s) => s.mergePull);
  const dirty = useProjectStore((s) => s.dirty);
  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Button variant="contained" startIcon={pulling ? <CircularProgress size={16} color="inherit" /> : <CloudDownload />} onClick={() => void previewPull()} disabled={pulling} sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
            Read the cloud
          </Button>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            Reads every group, API, throttling policy, app and plug-in of this region and shows what taking them into the design would change. Nothing changes until you merge.
          </Typography>
        </Stack>
      </Paper>
      {pull && (
        <Stack spacing={2} component="section" aria-label="Pull preview">
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
            {(
              [
                [pull.counts.groups, 'group', 'groups'],
                [pull.counts.apis, 'API', 'APIs'],
                [pull.counts.throttlingPolicies, 'throttling policy', 'throttling policies'],
                [pull.counts.apps, 'app', 'apps'],
                [pull.counts.plugins, 'plug-in', 'plug-ins'],
              ] as const
            ).map(([count, one, many]) => (
              <Chip key={many} label={`${count} ${count === 1 ? one : many}`} variant="outlined" />
            ))}
          </Stack>
          {pull.notes.map((note) => (
            <Alert key={note} severity="info">
              {note}
            </Alert>
          ))}
          {pull.lines.length === 0 ? (
            <Alert severity="success">The design already holds what the cloud has.</Alert>
          ) : (
            <Paper variant="outlined">
              <Table size="small" aria-label="What merging would change">
                <TableBody>
                  {pull.lines.map((line) => (
                    <TableRow key={`${line.kind}:${line.name}`}>
                      <TableCell sx={{ width: 110 }}>
                        <Chip size="small" label={line.op === 'add' ? 'Add' : 'Change'} color={line.op === 'add' ? 'success' : 'info'} />
                      </TableCell>
                      <TableCell sx={{ width: 150 }}>{KIND_NAMES[line.kind]}</TableCell>
                      <TableCell>
                        <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
                          {line.name}
                        </Typography>
                        {(line.fields ?? []).map((field) => (
                          <Typography key={field.path} variant="caption" component="div" sx={{ fontFamily: 'monospace', color: 'text.secondary' }}>
                            {field.path || '(all)'}: {shownValue(field.from)} → {shownValue(field.to)}
                          </Typography>
                        ))}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Paper>
          )}
          {pull.lines.length > 0 && (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button variant="contained" onClick={() => void mergePull()} disabled={pulling || dirty}>
                Merge into the design
              </Button>
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {dirty ? 'Save your edits first: merging writes the project file.' : 'Objects of the same name take the cloud’s values; the previous file is kept as .bak.'}
              </Typography>
            </Stack>
          )}
        </Stack>
      )}
    </Stack>
  );
}
