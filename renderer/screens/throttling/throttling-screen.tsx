/**
 * Throttling: policies that cap calls per unit of time for the APIs bound to them (per stage), with
 * per-user and per-app defaults and special limits for one app or one account.
 */
import { useState } from 'react';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import SpeedOutlined from '@mui/icons-material/SpeedOutlined';
import { ThrottlingUnit } from '../../../shared/model/schema';
import type { ThrottlingPolicy } from '../../../shared/model/schema';
import { useProjectStore } from '../../data/project-store';
import { useUiStore } from '../../data/ui-store';
import { ListDetailScreen } from '../common/master-detail';
import type { Column } from '../common/master-detail';
import { indexesWithProblems } from '../common/name-check';
import { NewNamedDialog } from '../common/new-named-dialog';
import { PolicyEditor } from './policy-editor';

const UNITS = ThrottlingUnit.options;
const dash = (n: number | undefined) => (n === undefined ? '—' : n);

export function ThrottlingScreen() {
  const project = useProjectStore((s) => s.working);
  const problems = useProjectStore((s) => s.problems);
  const edit = useProjectStore((s) => s.edit);
  const selection = useUiStore((s) => s.selection);
  const select = useUiStore((s) => s.select);
  const [creating, setCreating] = useState(false);
  const [unit, setUnit] = useState<ThrottlingPolicy['unit']>('SECOND');
  const [apiDefault, setApiDefault] = useState('100');

  if (!project) return null;
  const policies = project.throttlingPolicies;
  const selected = selection?.kind === 'throttlingPolicy' ? selection.name : policies[0]?.name;
  const index = policies.findIndex((p) => p.name === selected);
  const withProblems = indexesWithProblems(problems, 'throttlingPolicies');
  const limit = Number(apiDefault);
  const limitError = /^\d+$/.test(apiDefault.trim()) && limit > 0 ? undefined : 'The API limit must be a whole number above 0.';

  const columns: Column<ThrottlingPolicy>[] = [
    { header: 'Name', cell: (p) => <span title={p.name}>{p.name}</span>, width: '34%' },
    { header: 'Unit', cell: (p) => p.unit, width: 88 },
    { header: 'API', cell: (p) => p.apiDefault, align: 'right', width: 60 },
    { header: 'User', cell: (p) => dash(p.userDefault), align: 'right', width: 56 },
    { header: 'App', cell: (p) => dash(p.appDefault), align: 'right', width: 52 },
    { header: 'Bound', cell: (p) => p.bindings.length, align: 'right', width: 60 },
  ];

  return (
    <ListDetailScreen
      title="Throttling"
      subtitle="A policy caps the calls per second, minute, hour or day of each API bound to it in a stage, with optional limits per user and per app."
      newLabel="New policy"
      onNew={() => setCreating(true)}
      empty={{ title: 'No throttling policies yet', icon: <SpeedOutlined />, text: 'Create a policy, then bind it to APIs in a stage. Calls over the limit are refused with HTTP 429.' }}
      listWidth={560}
      table={{
        label: 'Throttling policies',
        items: policies,
        columns,
        keyOf: (p) => p.name,
        selected,
        onSelect: (name) => select({ kind: 'throttlingPolicy', name }),
        hasProblem: (p) => withProblems.has(policies.indexOf(p)),
      }}
      detail={index >= 0 ? <PolicyEditor key={policies[index].name} project={project} index={index} /> : undefined}
      nothingSelected="Select a policy to edit its limits, special limits and bindings."
    >
      <NewNamedDialog
        open={creating}
        title="New throttling policy"
        kind="throttlingPolicy"
        taken={policies.map((p) => p.name)}
        baseName="new_policy"
        createLabel="Create policy"
        blocked={limitError}
        onClose={() => setCreating(false)}
        onCreate={(name, description) => {
          const policy: ThrottlingPolicy = { name, description, unit, apiDefault: limit, specials: [], bindings: [] };
          edit(`Create throttling policy ${name}`, (p) => ({ ...p, throttlingPolicies: [...p.throttlingPolicies, policy] }));
          setCreating(false);
          select({ kind: 'throttlingPolicy', name });
        }}
      >
        <Stack direction="row" spacing={2}>
          <TextField select label="Unit" value={unit} onChange={(e) => setUnit(e.target.value as ThrottlingPolicy['unit'])} sx={{ width: 160 }}>
            {UNITS.map((u) => (
              <MenuItem key={u} value={u}>
                {u}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="API limit (calls per unit)"
            value={apiDefault}
            onChange={(e) => setApiDefault(e.target.value)}
            error={limitError !== undefined}
            helperText={limitError ?? 'User and app limits can be added after.'}
            sx={{ flex: 1 }}
          />
        </Stack>
      </NewNamedDialog>
    </ListDetailScreen>
  );
}
