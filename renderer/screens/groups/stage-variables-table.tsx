/** One stage's variables of a group: name/value rows, add and remove. */
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { STAGE_VARIABLE_NAME } from '../../../shared/model/names';
import type { Group, Stage } from '../../../shared/model/schema';
import { ModelDraftText, ModelText } from '../../components/model-controls';
import { VisuallyHidden } from '../../components/visually-hidden';
import { fieldId } from '../../data/fields';
import { useProjectStore } from '../../data/project-store';
import { unusedName } from '../common/named-edits';
import { stageVariableRows, updateGroup, withStageVariables } from './group-edits';

export function StageVariablesTable({ groupIndex, group, stage }: { groupIndex: number; group: Group; stage: Stage }) {
  const edit = useProjectStore((s) => s.edit);
  const rows = stageVariableRows(group, stage);
  const base = ['groups', groupIndex, 'stageVariables', stage];
  const write = (label: string, next: [string, string][], merge?: string) =>
    edit(label, (p) => updateGroup(p, group.name, (g) => withStageVariables(g, stage, next)), merge ? { merge } : undefined);

  const add = () => {
    const name = unusedName(rows.map(([n]) => n), 'variable');
    write(`Add ${stage} variable to ${group.name}`, [...rows, [name, '']]);
  };
  const checkName = (current: string) => (draft: string) => {
    if (!STAGE_VARIABLE_NAME.test(draft)) return 'Use letters, digits and _, not starting with a digit, so it can be written as #name#.';
    if (draft !== current && rows.some(([n]) => n === draft)) return `${stage} already has a variable ${draft}.`;
    return undefined;
  };

  return (
    <Box sx={{ mb: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 0.5 }}>
        <Typography variant="subtitle2" component="h4" sx={{ flex: 1 }}>
          {stage}
        </Typography>
        <Button size="small" startIcon={<AddIcon />} onClick={add} aria-label={`Add a ${stage} variable`}>
          Add variable
        </Button>
      </Box>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ pl: 1 }}>
          No {stage} variables.
        </Typography>
      ) : (
        <Table size="small" aria-label={`${stage} variables of ${group.name}`} sx={{ tableLayout: 'fixed' }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: '38%' }}>Name</TableCell>
              <TableCell>Value</TableCell>
              <TableCell sx={{ width: 48 }}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(([name, value], k) => (
              <TableRow key={`${k}`}>
                <TableCell sx={{ verticalAlign: 'top', borderBottom: 0 }}>
                  <ModelDraftText
                    path={[...base, name]}
                    label={`${stage} variable name`}
                    value={name}
                    check={checkName(name)}
                    onCommit={(next) => write(`Rename ${stage} variable ${name}`, rows.map((r, j) => (j === k ? [next, r[1]] : r)))}
                  />
                </TableCell>
                <TableCell sx={{ verticalAlign: 'top', borderBottom: 0 }}>
                  <ModelText
                    path={[...base, name, '(value)']}
                    label={`Value of ${name}`}
                    value={value}
                    onChange={(v) => write(`Edit ${stage} variable ${name}`, rows.map((r, j) => (j === k ? [r[0], v] : r)), fieldId([...base, name, '(value)']))}
                  />
                </TableCell>
                <TableCell sx={{ verticalAlign: 'top', borderBottom: 0 }}>
                  <IconButton aria-label={`Remove ${stage} variable ${name}`} onClick={() => write(`Remove ${stage} variable ${name}`, rows.filter((_, j) => j !== k))}>
                    <DeleteOutlined fontSize="small" />
                  </IconButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
