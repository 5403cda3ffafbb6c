/** Settings of an IP access control plug-in: allow or refuse, and items of address blocks, optionally per app. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import type { IpControlConfig, Project } from '../../../shared/model/schema';
import { Section } from '../../components/section';
import { fieldId, useFieldProblems } from '../../data/fields';
import { StringListEditor } from '../common/string-list-editor';

type Item = IpControlConfig['items'][number];
const ANY_APP = '\u0000any';

export function IpControlEditor(props: {
  project: Project;
  index: number;
  config: IpControlConfig;
  onChange: (label: string, change: (c: IpControlConfig) => IpControlConfig, merge?: string) => void;
}) {
  const { config, index, project } = props;
  const base = ['plugins', index, 'ipControl'];
  const setItem = (label: string, k: number, change: (i: Item) => Item, merge?: string) =>
    props.onChange(label, (c) => ({ ...c, items: c.items.map((it, j) => (j === k ? change(it) : it)) }), merge);

  return (
    <>
      <TextField
        id={fieldId([...base, 'type'])}
        select
        label="Control type"
        value={config.type}
        onChange={(e) => props.onChange('Change IP control type', (c) => ({ ...c, type: e.target.value as IpControlConfig['type'] }))}
        helperText={
          config.type === 'ALLOW'
            ? 'Allow list: only callers from these addresses get through; every other address is refused.'
            : 'Block list: callers from these addresses are refused; every other address gets through.'
        }
        sx={{ maxWidth: 420 }}
      >
        <MenuItem value="ALLOW">ALLOW — only these addresses</MenuItem>
        <MenuItem value="REFUSE">REFUSE — all but these addresses</MenuItem>
      </TextField>
      <Section
        title="Items"
        description="Each item lists IPv4/IPv6 addresses or CIDR blocks (10.0.0.0/8, 2001:db8::/32). An item limited to an app applies only to that app's calls."
        actions={
          <Button startIcon={<AddIcon />} onClick={() => props.onChange('Add IP control item', (c) => ({ ...c, items: [...c.items, { blocks: [''] }] }))}>
            Add item
          </Button>
        }
      >
        <Stack spacing={1.5}>
          {config.items.map((item, k) => (
            <ItemEditor
              key={k}
              project={project}
              path={[...base, 'items', k]}
              number={k + 1}
              item={item}
              canRemove={config.items.length > 1}
              onChange={(label, change, merge) => setItem(label, k, change, merge)}
              onRemove={() => props.onChange(`Remove IP control item ${k + 1}`, (c) => ({ ...c, items: c.items.filter((_, j) => j !== k) }))}
            />
          ))}
        </Stack>
      </Section>
    </>
  );
}

function ItemEditor(props: {
  project: Project;
  path: (string | number)[];
  number: number;
  item: Item;
  canRemove: boolean;
  onChange: (label: string, change: (i: Item) => Item, merge?: string) => void;
  onRemove: () => void;
}) {
  const { item, path, project } = props;
  const appProblems = useFieldProblems([...path, 'app']);
  const blocksProblems = useFieldProblems([...path, 'blocks']);
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} component="section" aria-label={`Item ${props.number}`}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle2" component="h4" sx={{ flex: 1 }}>
          Item {props.number}
        </Typography>
        {props.canRemove && (
          <IconButton aria-label={`Remove item ${props.number}`} onClick={props.onRemove}>
            <DeleteOutlined fontSize="small" />
          </IconButton>
        )}
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 220px', gap: 2, alignItems: 'start' }}>
        <Box>
          <StringListEditor
            path={[...path, 'blocks']}
            itemLabel="Address or CIDR block"
            values={item.blocks}
            minItems={1}
            placeholder="192.168.0.0/16"
            addLabel="Add block"
            onChange={(blocks, merge) => props.onChange('Edit IP blocks', (i) => ({ ...i, blocks }), merge)}
          />
          {blocksProblems.map((m) => (
            <Typography key={m} variant="caption" color="error" component="div">
              {m}
            </Typography>
          ))}
        </Box>
        <TextField
          id={fieldId([...path, 'app'])}
          select
          label="Limited to app"
          value={item.app ?? ANY_APP}
          onChange={(e) => props.onChange('Change IP control item app', (i) => ({ ...i, app: e.target.value === ANY_APP ? undefined : e.target.value }))}
          error={appProblems.length > 0}
          helperText={appProblems[0] ?? 'Optional.'}
        >
          <MenuItem value={ANY_APP}>Every caller</MenuItem>
          {item.app !== undefined && !project.apps.some((a) => a.name === item.app) && <MenuItem value={item.app}>{item.app} (missing)</MenuItem>}
          {project.apps.map((a) => (
            <MenuItem key={a.name} value={a.name}>
              {a.name}
            </MenuItem>
          ))}
        </TextField>
      </Box>
    </Paper>
  );
}
