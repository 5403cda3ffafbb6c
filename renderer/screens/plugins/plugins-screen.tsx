/**
 * Plug-ins: IP access control (allow or refuse callers by address) and CORS (answers to browsers'
 * cross-origin requests), each bound to APIs per stage.
 */
import { useState } from 'react';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import AddIcon from '@mui/icons-material/Add';
import ExtensionOutlined from '@mui/icons-material/ExtensionOutlined';
import type { Plugin } from '../../../shared/model/schema';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { useProjectStore } from '../../data/project-store';
import { useUiStore } from '../../data/ui-store';
import { MasterDetail, NothingSelected, ScreenLayout, SelectableTable } from '../common/master-detail';
import type { Column } from '../common/master-detail';
import { indexesWithProblems } from '../common/name-check';
import { NewNamedDialog } from '../common/new-named-dialog';
import { PluginEditor } from './plugin-editor';
import { PLUGIN_TYPE_LABEL, newPlugin } from './plugin-edits';

export function PluginsScreen() {
  const project = useProjectStore((s) => s.working);
  const problems = useProjectStore((s) => s.problems);
  const edit = useProjectStore((s) => s.edit);
  const selection = useUiStore((s) => s.selection);
  const select = useUiStore((s) => s.select);
  const [creating, setCreating] = useState(false);
  const [type, setType] = useState<Plugin['type']>('ipControl');

  if (!project) return null;
  const plugins = project.plugins;
  const selected = selection?.kind === 'plugin' ? selection.name : plugins[0]?.name;
  const index = plugins.findIndex((p) => p.name === selected);
  const withProblems = indexesWithProblems(problems, 'plugins');
  const newButton = (
    <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
      New plug-in
    </Button>
  );
  const columns: Column<Plugin>[] = [
    { header: 'Name', cell: (p) => <span title={p.name}>{p.name}</span>, width: '45%' },
    { header: 'Type', cell: (p) => PLUGIN_TYPE_LABEL[p.type] },
    { header: 'Bound', cell: (p) => p.bindings.length, align: 'right', width: 64 },
  ];

  return (
    <ScreenLayout
      label="Plug-ins"
      header={
        <PageHeader
          title="Plug-ins"
          subtitle="IP access control allows or refuses callers by address; CORS lets web pages on other origins call the APIs. Bind each plug-in to APIs per stage."
          actions={plugins.length > 0 ? newButton : undefined}
        />
      }
    >
      {plugins.length === 0 ? (
        <EmptyState title="No plug-ins yet" icon={<ExtensionOutlined />} action={newButton}>
          Create an IP access control or CORS plug-in, then bind it to APIs in a stage.
        </EmptyState>
      ) : (
        <MasterDetail
          list={
            <SelectableTable
              label="Plug-ins"
              items={plugins}
              columns={columns}
              keyOf={(p) => p.name}
              selected={selected}
              onSelect={(name) => select({ kind: 'plugin', name })}
              hasProblem={(p) => withProblems.has(plugins.indexOf(p))}
            />
          }
          detail={
            index >= 0 ? <PluginEditor key={plugins[index].name} project={project} index={index} /> : <NothingSelected text="Select a plug-in to edit its settings and bindings." />
          }
        />
      )}
      <NewNamedDialog
        open={creating}
        title="New plug-in"
        kind="plugin"
        taken={plugins.map((p) => p.name)}
        baseName={type === 'cors' ? 'new-cors' : 'new-ip-control'}
        createLabel="Create plug-in"
        onClose={() => setCreating(false)}
        onCreate={(name, description) => {
          edit(`Create plug-in ${name}`, (p) => ({ ...p, plugins: [...p.plugins, { ...newPlugin(type, name), description }] }));
          setCreating(false);
          select({ kind: 'plugin', name });
        }}
      >
        <TextField select label="Type" value={type} onChange={(e) => setType(e.target.value as Plugin['type'])}>
          <MenuItem value="ipControl">IP access control</MenuItem>
          <MenuItem value="cors">CORS</MenuItem>
        </TextField>
      </NewNamedDialog>
    </ScreenLayout>
  );
}
