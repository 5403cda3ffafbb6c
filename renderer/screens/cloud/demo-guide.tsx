/**
 * Demo mode's first steps, on the Cloud screen: from the quickstart to a synced, deployed API
 * called in the offline cloud, each step a button and ticked once done.
 */
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircle from '@mui/icons-material/CheckCircle';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import { STAGES } from '../../../shared/model/schema';
import { servedRecord } from '../../../shared/model/stages';
import { useCloudStore } from '../../data/cloud-store';
import { useDemoProgress } from '../../data/demo-progress';
import { openDebugger } from '../../data/debugger';
import { useProjectStore } from '../../data/project-store';

export function DemoGuide({ onTab }: { onTab: (tab: 'sync' | 'stages') => void }) {
  const connection = useCloudStore((s) => s.connection);
  const planning = useCloudStore((s) => s.planning);
  const makePlan = useCloudStore((s) => s.makePlan);
  const project = useProjectStore((s) => s.working);
  const progress = useDemoProgress();
  if (!project || !connection) return null;
  const { synced } = progress;
  // The first API a stage serves in the design: after a sync, the cloud serves it too.
  const served = project.deployments.find((deployment) => servedRecord(deployment) !== undefined && project.cloud[connection.profileKey]?.apis[`${deployment.group}/${deployment.api}`]);
  const stage = served ? STAGES.find((s) => s === served.stage) : undefined;
  const steps = [
    {
      done: progress.planned,
      title: '1. Plan',
      text: 'See what the offline cloud needs to serve this project: every group, API, app and policy to create.',
      action: (
        <Button size="small" variant="outlined" onClick={() => (onTab('sync'), void makePlan(false))} disabled={planning}>
          Make the plan
        </Button>
      ),
    },
    {
      done: synced,
      title: '2. Apply',
      text: 'Review the plan below, then apply it: the progress bar follows each step, and the cloud ids go into the project file.',
      action: null,
    },
    {
      done: progress.called,
      title: '3. Call it in the cloud',
      text: served ? `Open the debugger on ${served.group}/${served.api} in ${served.stage}, at the offline cloud's address.` : 'Once applied, call a deployed API at the offline cloud’s address.',
      action: (
        <Button size="small" variant="outlined" disabled={!synced || !served} onClick={() => served && openDebugger({ group: served.group, api: served.api }, { where: 'cloud', stage })}>
          Open the debugger
        </Button>
      ),
    },
  ];
  return (
    <Paper variant="outlined" component="section" aria-label="Getting started in demo mode" sx={{ p: 2, mb: 2, bgcolor: 'action.hover' }}>
      <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
        Try it with no account: sync this project to the offline cloud
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        {steps.map((step) => (
          <Stack key={step.title} role="group" aria-label={`${step.title}${step.done ? ' (done)' : ''}`} direction="row" spacing={1} sx={{ flex: 1, alignItems: 'flex-start' }}>
            {step.done ? <CheckCircle color="success" fontSize="small" sx={{ mt: 0.25 }} /> : <RadioButtonUnchecked color="disabled" fontSize="small" sx={{ mt: 0.25 }} />}
            <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {step.title}
              </Typography>
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {step.text}
              </Typography>
              {step.action}
            </Stack>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
