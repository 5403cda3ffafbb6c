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
import { Section } from '../../components/section';
import { ModelDraftText, ModelNumber, ModelText } from '../../components/model-controls';
import { fieldId } from '../../data/fields';
import { useProjectStore } from '../../data/project-store';
import { useUiStore } from '../../data/ui-store';
import { BindingsSection } from '../common/bindings-table';
import { DetailHeader } from '../common/master-detail';
import { nameCheck, nameSuggestion } from '../common/name-check';
import { sameRef } from '../common/named-edits';
import { removePolicy, renamePolicy, updatePolicy } from './policy-edits';
import { SpecialsTable } from './specials-table';

export function PolicyEditor({ project, index }: { project: Project; index: number }) {
  const policy = project.throttlingPolicies[index];
  const edit = useProjectStore((s) => s.edit);
  const select = useUiStore((s) => s.select);
  const [deleting, setDeleting] = useState(false);
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
        <ModelDraftText
          path={at('name')}
          label="Name"
          required
          value={policy.name}
          check={nameCheck('throttlingPolicy', others)}
          suggest={nameSuggestion('throttlingPolicy', others)}
          onCommit={(name) => {
            edit(`Rename throttling policy ${policy.name} to ${name}`, (p) => renamePolicy(p, policy.name, name));
            select({ kind: 'throttlingPolicy', name });
          }}
        />
        <ModelText
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
          <ModelNumber integer
            path={at('apiDefault')}
            label="API limit"
            value={policy.apiDefault}
            min={1}
            onChange={(v) => v !== undefined && change('Change API limit', 'apiDefault', (p) => ({ ...p, apiDefault: v }))}
            hint="Calls per unit for each bound API."
          />
          <ModelNumber integer
            path={at('userDefault')}
            label="User limit"
            optional
            min={1}
            value={policy.userDefault}
            onChange={(v) => change('Change user limit', 'userDefault', (p) => ({ ...p, userDefault: v }))}
            hint="Per account (all its apps), per API."
          />
          <ModelNumber integer
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

      <BindingsSection
        project={project}
        path={at('bindings')}
        bindings={policy.bindings}
        name={policy.name}
        owner={`policy ${policy.name}`}
        description="The APIs this policy throttles, each in one stage."
        emptyText="Not bound to any API yet: the policy has no effect until it is bound."
        check={check}
        warn={warnAnonymous}
        onBind={(ref) => edit(`Bind policy ${policy.name} to ${ref.api} in ${ref.stage}`, (p) => updatePolicy(p, policy.name, (x) => ({ ...x, bindings: [...x.bindings, ref] })))}
        onRemove={(k) => edit(`Unbind policy ${policy.name}`, (p) => updatePolicy(p, policy.name, (x) => ({ ...x, bindings: x.bindings.filter((_, j) => j !== k) })))}
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
