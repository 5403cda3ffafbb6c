/**
 * The API × stage matrix of one group: what each stage serves (version, time, description), and a
 * marker where the working copy has changed since. A cell opens that stage's history.
 */
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ButtonBase from '@mui/material/ButtonBase';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import { STAGES } from '../../../shared/model/schema';
import type { Api, Project, Stage } from '../../../shared/model/schema';
import { MONO } from '../../app/theme';
import { shortTime, stageCell } from './stage-view';
import type { StageCell } from './stage-view';

export interface MatrixProps {
  project: Project;
  apis: Api[];
  /** API names with problems, which cannot be deployed until fixed. */
  withProblems: Set<string>;
  checked: Set<string>;
  onCheck: (names: string[], checked: boolean) => void;
  selected?: { api: string; stage: Stage };
  onOpen: (api: string, stage: Stage) => void;
}

export function StageMatrix(props: MatrixProps) {
  const { apis, checked } = props;
  const all = apis.length > 0 && apis.every((a) => checked.has(a.name));
  const some = apis.some((a) => checked.has(a.name));
  return (
    <Table size="small" stickyHeader aria-label="What each stage serves" sx={{ tableLayout: 'fixed', minWidth: 820 }}>
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox">
            <Checkbox
              checked={all}
              indeterminate={some && !all}
              onChange={(e) => props.onCheck(apis.map((a) => a.name), e.target.checked)}
              slotProps={{ input: { 'aria-label': 'Select all APIs' } }}
            />
          </TableCell>
          <TableCell sx={{ width: '28%', fontWeight: 600 }}>API</TableCell>
          {STAGES.map((s) => (
            <TableCell key={s} sx={{ fontWeight: 600 }}>
              {s}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {apis.map((api) => (
          <TableRow key={api.name} hover>
            <TableCell padding="checkbox">
              <Checkbox
                checked={checked.has(api.name)}
                onChange={(e) => props.onCheck([api.name], e.target.checked)}
                slotProps={{ input: { 'aria-label': `Select ${api.name}` } }}
              />
            </TableCell>
            <TableCell sx={{ overflow: 'hidden' }}>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0 }}>
                <Typography variant="body2" noWrap title={api.name} sx={{ fontWeight: 500 }}>
                  {api.name}
                </Typography>
                {props.withProblems.has(api.name) && (
                  <Tooltip title="This API has problems: fix them before deploying it.">
                    <ErrorOutline color="error" fontSize="small" aria-label="has problems" />
                  </Tooltip>
                )}
              </Box>
              <Typography variant="caption" color="text.secondary" noWrap component="div" sx={{ fontFamily: MONO }} title={`${api.request.method} ${api.request.path}`}>
                {api.request.method} {api.request.path}
              </Typography>
            </TableCell>
            {STAGES.map((stage) => (
              <TableCell key={stage} sx={{ p: 0.5, verticalAlign: 'top' }}>
                <CellButton
                  api={api}
                  stage={stage}
                  cell={stageCell(props.project, api, stage)}
                  selected={props.selected?.api === api.name && props.selected.stage === stage}
                  onOpen={() => props.onOpen(api.name, stage)}
                />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function CellButton({ api, stage, cell, selected, onOpen }: { api: Api; stage: Stage; cell: StageCell; selected: boolean; onOpen: () => void }) {
  const { last, served } = cell;
  let summary: string;
  if (!last) summary = 'not deployed';
  else if (!served) summary = `abolished (version ${last.version})`;
  else summary = `version ${last.version}${cell.differs ? ', differs from the working copy' : ''}`;
  return (
    <ButtonBase
      onClick={onOpen}
      aria-label={`${api.name} in ${stage}: ${summary}. Show history`}
      aria-pressed={selected}
      sx={{
        display: 'block',
        width: '100%',
        textAlign: 'left',
        borderRadius: 1,
        px: 1,
        py: 0.5,
        minHeight: 44,
        border: 1,
        borderColor: selected ? 'primary.main' : 'transparent',
        bgcolor: selected ? 'action.selected' : undefined,
        '&:hover': { bgcolor: 'action.hover' },
      }}
    >
      {!last && (
        <Typography variant="body2" color="text.disabled">
          Not deployed
        </Typography>
      )}
      {last && !served && (
        <Typography variant="body2" color="text.secondary">
          Abolished <span style={{ opacity: 0.7 }}>· v{last.version}</span>
        </Typography>
      )}
      {last && served && (
        <>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, flexWrap: 'wrap' }}>
            <Chip label={`v${last.version}`} color="success" variant="outlined" sx={{ height: 20, fontWeight: 600 }} />
            <Typography variant="caption" color="text.secondary" title={last.at}>
              {shortTime(last.at)}
            </Typography>
            {cell.differs && (
              <Tooltip title="The working copy has changed since this version was deployed. Deploy again to serve the changes.">
                <Chip label="Differs from working copy" color="warning" variant="outlined" sx={{ height: 20, maxWidth: '100%' }} />
              </Tooltip>
            )}
          </Box>
          {last.description && (
            <Typography variant="caption" color="text.secondary" noWrap component="div" title={last.description}>
              {last.description}
            </Typography>
          )}
        </>
      )}
    </ButtonBase>
  );
}
