/**
 * Stages: per group, what TEST, PRE and RELEASE serve for each API; deploy checked APIs, open a
 * stage's history to roll back, abolish or compare; export a stage as OpenAPI.
 */
import { useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import LayersOutlined from '@mui/icons-material/LayersOutlined';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { useProjectStore } from '../../data/project-store';
import { useUiStore } from '../../data/ui-store';
import { DeployDialog } from '../common/deploy-dialog';
import { ScreenLayout } from '../common/master-detail';
import { indexesWithProblems } from '../common/name-check';
import { ExportDialog } from './export-dialog';
import { HistoryPanel } from './history-panel';
import { StageMatrix } from './stage-matrix';

export function StagesScreen() {
  const project = useProjectStore((s) => s.working);
  const problems = useProjectStore((s) => s.problems);
  const selection = useUiStore((s) => s.selection);
  const select = useUiStore((s) => s.select);
  const navigate = useUiStore((s) => s.navigate);
  const [chosenGroup, setChosenGroup] = useState<string>();
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [deploying, setDeploying] = useState(false);
  const [exporting, setExporting] = useState(false);

  const groups = project?.groups ?? [];
  // A selected deployment (e.g. from the problems list) decides the group shown.
  const fromSelection = selection?.kind === 'deployment' || selection?.kind === 'group' ? selection.group : undefined;
  const group = [fromSelection, chosenGroup, groups[0]?.name].find((g) => g !== undefined && groups.some((x) => x.name === g));
  const apis = useMemo(() => (project?.apis ?? []).filter((a) => a.group === group), [project?.apis, group]);
  const opened = selection?.kind === 'deployment' && selection.group === group ? selection : undefined;
  const openedApi = opened ? apis.find((a) => a.name === opened.api) : undefined;

  // Checked APIs that were renamed or deleted drop out.
  useEffect(() => {
    setChecked((current) => {
      const names = new Set(apis.map((a) => a.name));
      const kept = [...current].filter((n) => names.has(n));
      return kept.length === current.size ? current : new Set(kept);
    });
  }, [apis]);

  const withProblems = useMemo(() => {
    const bad = indexesWithProblems(problems, 'apis');
    return new Set((project?.apis ?? []).filter((a, i) => a.group === group && bad.has(i)).map((a) => a.name));
  }, [problems, project?.apis, group]);

  if (!project) return null;
  const selectedNames = apis.filter((a) => checked.has(a.name)).map((a) => a.name);
  const blocked = selectedNames.filter((n) => withProblems.has(n));
  let deployBlock: string | undefined;
  if (selectedNames.length === 0) deployBlock = 'Select the APIs to deploy with the checkboxes.';
  else if (blocked.length > 0) deployBlock = `Fix the problems of ${blocked.join(', ')} first (see the status bar), or unselect ${blocked.length === 1 ? 'it' : 'them'}.`;

  const onCheck = (names: string[], on: boolean) =>
    setChecked((current) => {
      const next = new Set(current);
      for (const n of names) if (on) next.add(n); else next.delete(n);
      return next;
    });
  const chooseGroup = (name: string) => {
    setChosenGroup(name);
    setChecked(new Set());
    select({ kind: 'group', group: name });
  };

  const header = (
    <PageHeader
      title="Stages"
      subtitle="What TEST, PRE and RELEASE serve. Deploying snapshots an API's working copy into a stage; the local gateway and sync serve those snapshots."
      actions={
        group && (
          <Button variant="outlined" startIcon={<FileDownloadOutlined />} onClick={() => setExporting(true)}>
            Export OpenAPI
          </Button>
        )
      }
    />
  );
  if (!group) {
    return (
      <ScreenLayout label="Stages" header={header}>
        <EmptyState title="No API groups yet" icon={<LayersOutlined />} action={<Button variant="contained" onClick={() => navigate('groups')}>Go to Groups</Button>}>
          Stages belong to a group. Create a group and its APIs, then deploy them here.
        </EmptyState>
      </ScreenLayout>
    );
  }

  return (
    <ScreenLayout label="Stages" header={header}>
      <Box sx={{ overflow: 'auto', flex: 1, minHeight: 0, pt: 1 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1.5, flexWrap: 'wrap', rowGap: 1 }}>
          <TextField select label="Group" value={group} onChange={(e) => chooseGroup(e.target.value)} sx={{ minWidth: 240 }}>
            {groups.map((g) => (
              <MenuItem key={g.name} value={g.name}>
                {g.name}
              </MenuItem>
            ))}
          </TextField>
          <Box sx={{ flex: 1 }} />
          <Typography variant="body2" color="text.secondary" aria-live="polite">
            {selectedNames.length} of {apis.length} selected
          </Typography>
          <span title={deployBlock}>
            <Button variant="contained" startIcon={<CloudUploadOutlined />} disabled={deployBlock !== undefined} onClick={() => setDeploying(true)}>
              Deploy…
            </Button>
          </span>
        </Stack>
        {blocked.length > 0 && (
          <Alert severity="error" sx={{ mb: 1.5 }}>
            {deployBlock}
          </Alert>
        )}
        {apis.length === 0 ? (
          <EmptyState title={`Group ${group} has no APIs yet`} icon={<LayersOutlined />} action={<Button variant="contained" onClick={() => navigate('apis')}>Go to APIs</Button>}>
            Create or import APIs in this group, then select them here and deploy them to a stage.
          </EmptyState>
        ) : (
          <Paper variant="outlined" sx={{ overflow: 'auto', maxHeight: '55vh' }}>
            <StageMatrix
              project={project}
              apis={apis}
              withProblems={withProblems}
              checked={checked}
              onCheck={onCheck}
              selected={opened}
              onOpen={(api, stage) => select({ kind: 'deployment', group, api, stage })}
            />
          </Paper>
        )}
        {openedApi && opened && (
          <Paper variant="outlined" sx={{ mt: 2, p: 2 }}>
            <HistoryPanel key={`${opened.api}/${opened.stage}`} project={project} api={openedApi} stage={opened.stage} />
          </Paper>
        )}
        {!opened && apis.length > 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
            Click a cell to see that stage's history, roll back, abolish, or compare versions.
          </Typography>
        )}
      </Box>
      <DeployDialog open={deploying} group={group} apis={selectedNames} initialStages={[opened?.stage ?? 'TEST']} onClose={() => setDeploying(false)} />
      <ExportDialog open={exporting} group={group} initialStage={opened?.stage ?? 'TEST'} onClose={() => setExporting(false)} />
    </ScreenLayout>
  );
}
