/**
 * The history of one API in one stage: every version with its time and description, which one is
 * served, rollbacks and abolishments; roll back to a version, abolish, and compare YAML.
 */
import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import { STAGES } from '../../../shared/model/schema';
import type { Api, DeploymentRecord, Project, Stage } from '../../../shared/model/schema';
import { abolishApi, rollbackApi, rollbackTargets } from '../../../shared/model/stages';
import { CodeDiff } from '../../components/code-editor';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ProblemText } from '../../components/problem-text';
import { VisuallyHidden } from '../../components/visually-hidden';
import { useProblemsUnder } from '../../data/fields';
import { editAndSave } from '../common/edit-and-save';
import { apiYaml, shortTime, stageCell } from './stage-view';

type Target = 'working' | Stage;

export function HistoryPanel({ project, api, stage }: { project: Project; api: Api; stage: Stage }) {
  const ref = { group: api.group, api: api.name };
  const cell = stageCell(project, api, stage);
  const deploymentIndex = project.deployments.findIndex((d) => d.group === api.group && d.api === api.name && d.stage === stage);
  const problems = useProblemsUnder(['deployments', deploymentIndex]);
  const [rollbackTo, setRollbackTo] = useState<number>();
  const [abolishing, setAbolishing] = useState(false);
  const history = [...cell.history].reverse();
  // The same rule as rollbackApi: never the version the stage serves now (a rollback re-serves an older one).
  const targets = rollbackTargets(cell);
  const servedVersion = cell.served ? cell.last?.version : undefined;
  const deployedVersions = cell.history.filter((r) => r.definition);
  // Until the person picks a version, compare what the stage serves (or its last deployment).
  const [pickedVersion, setCompareVersion] = useState<number>();
  const compareVersion = pickedVersion ?? servedVersion ?? deployedVersions.at(-1)?.version;
  const [target, setTarget] = useState<Target>('working');

  const label = `${api.name} in ${stage}`;
  return (
    <Box component="section" aria-label={`History of ${label}`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h2" component="h2" sx={{ flex: 1, minWidth: 0 }} noWrap title={label}>
          {api.name} <span style={{ fontWeight: 400 }}>in {stage}</span>
        </Typography>
        <Button color="error" variant="outlined" startIcon={<BlockOutlined />} disabled={!cell.served} onClick={() => setAbolishing(true)} title={cell.served ? undefined : `${stage} does not serve this API.`}>
          Abolish from {stage}
        </Button>
      </Stack>
      <ProblemText messages={problems.map((p) => p.message)} />
      {history.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
          {stage} has never served this API. Select it above and choose Deploy to snapshot its working copy into {stage}.
        </Typography>
      ) : (
        <Table size="small" aria-label={`Versions of ${label}`}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 70 }}>Version</TableCell>
              <TableCell sx={{ width: 150 }}>Time</TableCell>
              <TableCell>Description</TableCell>
              <TableCell sx={{ width: 150 }}>Kind</TableCell>
              <TableCell align="right" sx={{ width: 200 }}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {history.map((record) => (
              <HistoryRow
                key={record.version}
                record={record}
                served={record.version === servedVersion}
                canRollBack={targets.includes(record.version)}
                onRollback={() => setRollbackTo(record.version)}
                onCompare={() => setCompareVersion(record.version)}
                comparing={record.version === compareVersion}
              />
            ))}
          </TableBody>
        </Table>
      )}

      <Box sx={{ mt: 3 }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
          <Typography variant="h3" component="h3">
            Compare
          </Typography>
          <TextField
            select
            label={`${stage} version`}
            value={compareVersion ?? ''}
            onChange={(e) => setCompareVersion(Number(e.target.value))}
            sx={{ width: 200 }}
            disabled={deployedVersions.length === 0}
          >
            {deployedVersions.map((r) => (
              <MenuItem key={r.version} value={r.version}>
                Version {r.version}
                {r.version === servedVersion ? ' (served)' : ''}
              </MenuItem>
            ))}
          </TextField>
          <Typography variant="body2">with</Typography>
          <TextField select label="Compare with" value={target} onChange={(e) => setTarget(e.target.value as Target)} sx={{ width: 200 }}>
            <MenuItem value="working">The working copy</MenuItem>
            {STAGES.filter((s) => s !== stage).map((s) => (
              <MenuItem key={s} value={s}>
                What {s} serves
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        <CompareView project={project} api={api} stage={stage} version={compareVersion} target={target} />
      </Box>

      <ConfirmDialog
        open={rollbackTo !== undefined}
        title={`Roll ${label} back to version ${rollbackTo}?`}
        confirmLabel={`Roll back to version ${rollbackTo}`}
        onClose={() => setRollbackTo(undefined)}
        onConfirm={() => {
          const version = rollbackTo!;
          setRollbackTo(undefined);
          void editAndSave(`Roll ${label} back to version ${version}`, (p) => rollbackApi(p, ref, stage, version), `${label} rolled back to version ${version}.`);
        }}
      >
        <Typography variant="body2">
          {stage} will serve the snapshot of version {rollbackTo} again, recorded as a new version (rollback of {rollbackTo}); the project is saved. The working copy
          and the history stay as they are.
        </Typography>
      </ConfirmDialog>
      <ConfirmDialog
        open={abolishing}
        title={`Abolish ${label}?`}
        confirmLabel={`Abolish from ${stage}`}
        destructive
        onClose={() => setAbolishing(false)}
        onConfirm={() => {
          setAbolishing(false);
          void editAndSave(`Abolish ${label}`, (p) => abolishApi(p, ref, stage), `${label} abolished.`);
        }}
      >
        <Typography variant="body2">
          {stage} stops serving {api.name}: callers get an error as for an unknown API. The history stays, so you can deploy again or roll back to any version. The
          project is saved.
        </Typography>
      </ConfirmDialog>
    </Box>
  );
}

function HistoryRow({ record, served, canRollBack, comparing, onRollback, onCompare }: { record: DeploymentRecord; served: boolean; canRollBack: boolean; comparing: boolean; onRollback: () => void; onCompare: () => void }) {
  let kind = 'Deployment';
  if (!record.definition) kind = 'Abolished';
  else if (record.rollbackOf !== undefined) kind = `Rollback of v${record.rollbackOf}`;
  return (
    <TableRow selected={comparing}>
      <TableCell>
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
          <span>v{record.version}</span>
          {served && <Chip label="served" color="success" sx={{ height: 18 }} />}
        </Stack>
      </TableCell>
      <TableCell title={record.at} sx={{ whiteSpace: 'nowrap' }}>
        {shortTime(record.at)}
      </TableCell>
      <TableCell sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }} title={record.description}>
        {record.description ?? '—'}
      </TableCell>
      <TableCell>{kind}</TableCell>
      <TableCell align="right">
        {record.definition && (
          <>
            <Button size="small" onClick={onCompare} aria-label={`Compare version ${record.version}`}>
              Compare
            </Button>
            {canRollBack && (
              <Button size="small" startIcon={<HistoryOutlined />} onClick={onRollback} aria-label={`Roll back to version ${record.version}`}>
                Roll back
              </Button>
            )}
          </>
        )}
      </TableCell>
    </TableRow>
  );
}

function CompareView({ project, api, stage, version, target }: { project: Project; api: Api; stage: Stage; version?: number; target: Target }) {
  const left = useMemo(() => stageCell(project, api, stage).history.find((r) => r.version === version)?.definition, [project, api, stage, version]);
  const right = useMemo(() => (target === 'working' ? api : stageCell(project, api, target).served), [project, api, target]);
  if (!left) {
    return (
      <Typography variant="body2" color="text.secondary">
        Nothing to compare yet: {stage} has no deployed version of this API.
      </Typography>
    );
  }
  const rightLabel = target === 'working' ? 'the working copy' : `what ${target} serves`;
  return (
    <>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
        Left: {stage} version {version}. Right: {rightLabel}
        {!right && ` (${target} does not serve this API)`}.
      </Typography>
      <CodeDiff original={apiYaml(left)} modified={apiYaml(right)} language="yaml" ariaLabel={`Differences between ${stage} version ${version} and ${rightLabel}`} height={320} />
    </>
  );
}
