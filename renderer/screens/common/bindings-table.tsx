/**
 * The (group, API, stage) bindings of a throttling policy or a plug-in: one row each, with the
 * live problems of that row and an optional warning per row; and the section around them, with
 * the button and dialog that add one.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import type { FieldPath } from '../../../shared/model/problems';
import type { ApiStageRef, Project } from '../../../shared/model/schema';
import { Section } from '../../components/section';
import { VisuallyHidden } from '../../components/visually-hidden';
import { fieldId, useFieldProblems } from '../../data/fields';
import { AddApiStageDialog, firstRef } from './api-stage-picker';
import type { PartialRef } from './api-stage-picker';

/** The "Bindings" section of a policy or plug-in editor: the table, and "Bind to an API" with its dialog. */
export function BindingsSection(props: {
  project: Project;
  /** Path of the bindings list, e.g. ['throttlingPolicies', 2, 'bindings']. */
  path: FieldPath;
  bindings: ApiStageRef[];
  /** The owner's name, for the dialog's title. */
  name: string;
  /** What the owner is called in labels, e.g. `policy demo_low_qps`. */
  owner: string;
  description: string;
  emptyText: string;
  /** Why a binding cannot be added (already bound, ...), which blocks the dialog's Bind button. */
  check: (ref: ApiStageRef) => string | undefined;
  /** A warning that does not block, shown in the dialog and on the row. */
  warn?: (ref: ApiStageRef) => string | undefined;
  onBind: (ref: ApiStageRef) => void;
  onRemove: (index: number) => void;
}) {
  const { project } = props;
  const [adding, setAdding] = useState<PartialRef>();
  const noApis = project.apis.length === 0;
  return (
    <Section
      title="Bindings"
      description={props.description}
      actions={
        <Button startIcon={<AddIcon />} onClick={() => setAdding(firstRef(project))} disabled={noApis} title={noApis ? 'The project has no APIs yet.' : undefined}>
          Bind to an API
        </Button>
      }
    >
      <BindingsTable path={props.path} bindings={props.bindings} owner={props.owner} emptyText={props.emptyText} warn={props.warn} onRemove={props.onRemove} />
      <AddApiStageDialog
        open={adding !== undefined}
        title={`Bind ${props.name} to an API`}
        project={project}
        value={adding ?? firstRef(project)}
        onChange={setAdding}
        check={props.check}
        warn={props.warn}
        addLabel="Bind"
        onClose={() => setAdding(undefined)}
        onAdd={(ref) => {
          props.onBind(ref);
          setAdding(undefined);
        }}
      />
    </Section>
  );
}

export function BindingsTable(props: {
  /** Path of the bindings list, e.g. ['throttlingPolicies', 2, 'bindings']. */
  path: FieldPath;
  bindings: ApiStageRef[];
  onRemove: (index: number) => void;
  warn?: (ref: ApiStageRef) => string | undefined;
  /** What the owner is called in labels, e.g. `policy demo_low_qps`. */
  owner: string;
  emptyText: string;
}) {
  if (props.bindings.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
        {props.emptyText}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={`Bindings of ${props.owner}`}>
      <TableHead>
        <TableRow>
          <TableCell>Group</TableCell>
          <TableCell>API</TableCell>
          <TableCell>Stage</TableCell>
          <TableCell align="right">
            <VisuallyHidden>Actions</VisuallyHidden>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.bindings.map((b, k) => (
          <BindingRow key={`${b.group}/${b.api}/${b.stage}/${k}`} path={[...props.path, k]} binding={b} onRemove={() => props.onRemove(k)} warn={props.warn} />
        ))}
      </TableBody>
    </Table>
  );
}

function BindingRow({ path, binding, onRemove, warn }: { path: FieldPath; binding: ApiStageRef; onRemove: () => void; warn?: (ref: ApiStageRef) => string | undefined }) {
  const messages = [...useFieldProblems(path), ...useFieldProblems([...path, 'group']), ...useFieldProblems([...path, 'api'])];
  const warning = warn?.(binding);
  const label = `${binding.group} / ${binding.api} / ${binding.stage}`;
  return (
    <>
      <TableRow id={fieldId(path)} tabIndex={-1}>
        <TableCell>{binding.group}</TableCell>
        <TableCell>{binding.api}</TableCell>
        <TableCell>{binding.stage}</TableCell>
        <TableCell align="right" sx={{ width: 48 }}>
          <IconButton size="small" aria-label={`Remove binding ${label}`} onClick={onRemove}>
            <DeleteOutlined fontSize="small" />
          </IconButton>
        </TableCell>
      </TableRow>
      {(messages.length > 0 || warning) && (
        <TableRow>
          <TableCell colSpan={4} sx={{ pt: 0 }}>
            {messages.map((m) => (
              <Alert key={m} severity="error" sx={{ py: 0 }}>
                {m}
              </Alert>
            ))}
            {warning && (
              <Alert severity="warning" sx={{ py: 0 }}>
                {warning}
              </Alert>
            )}
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
