/** The editor of one throttling policy: limits, special limits and bindings. */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { ThrottlingUnit } from '../../../shared/model/schema';
import type { ApiStageRef, Project, ThrottlingPolicy } from '../../../shared/model/schema';
import { findApi } from '../../../shared/model/stages';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { fieldId } from '../../data/fields';
import { useProjectStore } from '../../data/project-store';
import { useUiStore } from '../../data/ui-store';
import { AddApiStageDialog, firstRef } from '../common/api-stage-picker';
import type { PartialRef } from '../common/api-stage-picker';
import { BindingsTable } from '../common/bindings-table';
import { DetailHeader, Section } from '../common/master-detail';
import { DraftTextField, IntegerField, ModelTextField } from '../common/model-fields';
import { nameCheck } from '../common/name-check';
import { sameRef } from '../common/named-edits';
import { removePolicy, renamePolicy, updatePolicy } from './policy-edits';
import { SpecialsTable } from './specials-table';

export function PolicyEditor({ project, index }: { project: Project; index: number }) {
  const policy = project.throttlingPolicies[index];
  const edit = useProjectStore((s) => s.edit);
  const select = useUiStore((s) => s.select);
  const [deleting, setDeleting] = useState(false);
  const [binding, setBinding] = useState<PartialRef>();
  const at = (...rest: (string | number)[]) => ['throttlingPolicies', index, ...rest];
  const others = project.throttlingPolicies.filter((p) => p !== policy).map((p) => p.name);
  const change = (label: string, field: string, fn: (p: ThrottlingPolicy) => ThrottlingPolicy) =>
    edit(label, (p) => updatePolicy(p, policy.name, fn), { merge: fieldId(at(field)) });

  const boundElsewhere = (ref: ApiStageRef) => project.throttlingPolicies.find((p) => p !== policy && p.bindings.some((b) => sameRef(b, ref)));
  const check = (ref: ApiStageRef) => {
    if (policy.bindings.some((b) => sameRef(b, ref))) return `This policy is already bound to ${ref.api} in ${ref.stage}.`;
    const other = boundElsewhere(ref);
    if (other) return `${ref.api} in ${ref.stage} is bound to policy ${other.name}; an API takes one throttling policy per stage. Remove that binding first.`;
    return undefined;
  };
  const warnAnonymous = (ref: ApiStageRef) => {
    const api = findApi(project, ref);
    if (api?.auth.type !== 'ANONYMOUS') return undefined;
    return `API ${api.name} is ANONYMOUS: its callers carry no app or user, so only the API limit (${policy.apiDefault} per ${policy.unit.toLowerCase()}) applies to it; the user, app and special limits do not.`;
  };

  return (
    <Box>
      <DetailHeader
        title={policy.name}
        actions={
          <Button color="error" variant="outlined" startIcon={<DeleteOutlined />} onClick={() => setDeleting(true)}>
            Delete policy
          </Button>
        }
      />
      <Stack spacing={2}>
        <DraftTextField
          path={at('name')}
          label="Name"
          required
          value={policy.name}
          check={nameCheck('throttlingPolicy', others)}
          onCommit={(name) => {
            edit(`Rename throttling policy ${policy.name} to ${name}`, (p) => renamePolicy(p, policy.name, name));
            select({ kind: 'throttlingPolicy', name });
          }}
        />
        <ModelTextField
          path={at('description')}
          label="Description"
          value={policy.description ?? ''}
          multiline
          onChange={(v) => change('Edit policy description', 'description', (p) => ({ ...p, description: v === '' ? undefined : v }))}
        />
        <TextField
          id={fieldId(at('unit'))}
          select
          label="Unit"
          value={policy.unit}
          onChange={(e) => change('Change policy unit', 'unit', (p) => ({ ...p, unit: e.target.value as ThrottlingPolicy['unit'] }))}
          sx={{ width: 200 }}
          helperText="The limits below count calls per unit."
        >
          {ThrottlingUnit.options.map((u) => (
            <MenuItem key={u} value={u}>
              {u}
            </MenuItem>
          ))}
        </TextField>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <IntegerField
            path={at('apiDefault')}
            label="API limit"
            value={policy.apiDefault}
            min={1}
            onChange={(v) => v !== undefined && change('Change API limit', 'apiDefault', (p) => ({ ...p, apiDefault: v }))}
            hint="Calls per unit for each bound API."
          />
          <IntegerField
            path={at('userDefault')}
            label="User limit"
            optional
            min={1}
            value={policy.userDefault}
            onChange={(v) => change('Change user limit', 'userDefault', (p) => ({ ...p, userDefault: v }))}
            hint="Per account (all its apps), per API."
          />
          <IntegerField
            path={at('appDefault')}
            label="App limit"
            optional
            min={1}
            value={policy.appDefault}
            onChange={(v) => change('Change app limit', 'appDefault', (p) => ({ ...p, appDefault: v }))}
            hint="Per app, per API."
          />
        </Stack>
        <Typography variant="body2" color="text.secondary">
          Limits must be in order: app ≤ user ≤ API. An app belongs to one user and every call also counts toward the API limit, so a higher app or user limit could
          never be reached. Leave a limit empty for none.
        </Typography>
      </Stack>

      <Section
        title="Special limits"
        description="Override the app or user limit for one app of this project or one Alibaba Cloud account id. The API limit still applies."
        actions={
          <Button
            startIcon={<AddIcon />}
            onClick={() =>
              edit(`Add special limit to ${policy.name}`, (p) =>
                updatePolicy(p, policy.name, (x) => ({
                  ...x,
                  specials: [...x.specials, { type: project.apps.length ? 'APP' : 'USER', key: project.apps[0]?.name ?? '', limit: x.appDefault ?? x.userDefault ?? x.apiDefault }],
                })),
              )
            }
          >
            Add special limit
          </Button>
        }
      >
        <SpecialsTable project={project} index={index} />
      </Section>

      <Section
        title="Bindings"
        description="The APIs this policy throttles, each in one stage."
        actions={
          <Button startIcon={<AddIcon />} onClick={() => setBinding(firstRef(project))} disabled={project.apis.length === 0} title={project.apis.length === 0 ? 'The project has no APIs yet.' : undefined}>
            Bind to an API
          </Button>
        }
      >
        <BindingsTable
          path={at('bindings')}
          bindings={policy.bindings}
          owner={`policy ${policy.name}`}
          emptyText="Not bound to any API yet: the policy has no effect until it is bound."
          warn={warnAnonymous}
          onRemove={(k) => edit(`Unbind policy ${policy.name}`, (p) => updatePolicy(p, policy.name, (x) => ({ ...x, bindings: x.bindings.filter((_, j) => j !== k) })))}
        />
      </Section>

      <AddApiStageDialog
        open={binding !== undefined}
        title={`Bind ${policy.name} to an API`}
        project={project}
        value={binding ?? firstRef(project)}
        onChange={setBinding}
        check={check}
        warn={warnAnonymous}
        addLabel="Bind"
        onClose={() => setBinding(undefined)}
        onAdd={(ref) => {
          edit(`Bind policy ${policy.name} to ${ref.api} in ${ref.stage}`, (p) => updatePolicy(p, policy.name, (x) => ({ ...x, bindings: [...x.bindings, ref] })));
          setBinding(undefined);
        }}
      />
      <ConfirmDialog
        open={deleting}
        title={`Delete throttling policy ${policy.name}?`}
        confirmLabel="Delete policy"
        destructive
        onClose={() => setDeleting(false)}
        onConfirm={() => {
          edit(`Delete throttling policy ${policy.name}`, (p) => removePolicy(p, policy.name));
          setDeleting(false);
          select(undefined);
        }}
      >
        <Typography variant="body2">
          {policy.bindings.length > 0
            ? `Its ${policy.bindings.length} binding${policy.bindings.length === 1 ? '' : 's'} go with it, and those APIs are no longer throttled by it. `
            : 'It is not bound to any API. '}
          Undo brings it back.
        </Typography>
      </ConfirmDialog>
    </Box>
  );
}
