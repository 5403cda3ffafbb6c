/**
 * Apps: the callers of APP-authenticated APIs. Each app has credentials held by the host and
 * authorizations on APIs per stage.
 */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import AppsOutlined from '@mui/icons-material/AppsOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import type { App, Project } from '../../../shared/model/schema';
import { Section } from '../../components/section';
import { ModelText } from '../../components/model-controls';
import { useAppCredentials } from '../../data/credentials';
import { fieldId } from '../../data/fields';
import { useProjectStore } from '../../data/project-store';
import { useUiStore } from '../../data/ui-store';
import type { PartialRef } from '../common/api-stage-picker';
import { DetailHeader, ListDetailScreen } from '../common/master-detail';
import type { Column } from '../common/master-detail';
import { indexesWithProblems } from '../common/name-check';
import { NewNamedDialog } from '../common/new-named-dialog';
import { AuthorizationsTable, AuthorizeDialog } from './authorizations';
import { CredentialsPanel } from './credentials-panel';
import { DeleteAppDialog } from './delete-app-dialog';

export function AppsScreen() {
  const project = useProjectStore((s) => s.working);
  const problems = useProjectStore((s) => s.problems);
  const edit = useProjectStore((s) => s.edit);
  const selection = useUiStore((s) => s.selection);
  const select = useUiStore((s) => s.select);
  const [creating, setCreating] = useState(false);

  if (!project) return null;
  const apps = project.apps;
  // A problem of an authorization (from the status bar) opens its app.
  const selected =
    selection?.kind === 'app' ? selection.name : selection?.kind === 'authorization' ? project.authorizations[selection.index]?.app : apps[0]?.name;
  const index = apps.findIndex((a) => a.name === selected);
  const withProblems = indexesWithProblems(problems, 'apps');
  const badAuthorizations = indexesWithProblems(problems, 'authorizations');
  const appsWithBadAuthorizations = new Set([...badAuthorizations].map((i) => project.authorizations[i]?.app));
  const authorizationCount = (name: string) => project.authorizations.filter((a) => a.app === name).length;

  const columns: Column<App>[] = [
    { header: 'Name', cell: (a) => <span title={a.name}>{a.name}</span>, width: '40%' },
    { header: 'Description', cell: (a) => <span title={a.description}>{a.description ?? '—'}</span> },
    { header: 'Authorized', cell: (a) => authorizationCount(a.name), align: 'right', width: 112 },
  ];

  return (
    <ListDetailScreen
      title="Apps"
      subtitle="An app is a caller of APIs that use APP authentication: it signs calls with its AppKey and AppSecret, or sends its AppCode."
      newLabel="New app"
      onNew={() => setCreating(true)}
      empty={{ title: 'No apps yet', icon: <AppsOutlined />, text: 'Create an app, generate its credentials, and authorize it on APIs so its calls are accepted.' }}
      table={{
        label: 'Apps',
        items: apps,
        columns,
        keyOf: (a) => a.name,
        selected,
        onSelect: (name) => select({ kind: 'app', name }),
        hasProblem: (a) => withProblems.has(apps.indexOf(a)) || appsWithBadAuthorizations.has(a.name),
      }}
      detail={index >= 0 ? <AppEditor key={apps[index].name} project={project} index={index} highlight={selection?.kind === 'authorization' ? selection.index : undefined} /> : undefined}
      nothingSelected="Select an app to see its credentials and authorizations."
    >
      <NewNamedDialog
        open={creating}
        title="New app"
        kind="app"
        taken={apps.map((a) => a.name)}
        baseName="new_app"
        createLabel="Create app"
        onClose={() => setCreating(false)}
        onCreate={(name, description) => {
          edit(`Create app ${name}`, (p) => ({ ...p, apps: [...p.apps, { name, description }] }));
          setCreating(false);
          select({ kind: 'app', name });
        }}
      >
        <Typography variant="body2" color="text.secondary">
          The name cannot be changed later: the app's credentials are stored under it. Generate the credentials once the app is created.
        </Typography>
      </NewNamedDialog>
    </ListDetailScreen>
  );
}

/** The first API with APP authentication, in TEST: where an authorization most likely goes. */
function startRef(project: Project): PartialRef {
  const api = project.apis.find((a) => a.auth.type === 'APP') ?? project.apis[0];
  return { group: api?.group ?? project.groups[0]?.name ?? '', api: api?.name ?? '', stage: 'TEST' };
}

function AppEditor({ project, index, highlight }: { project: Project; index: number; highlight?: number }) {
  const app = project.apps[index];
  const edit = useProjectStore((s) => s.edit);
  const credentials = useAppCredentials(app.name);
  const [deleting, setDeleting] = useState(false);
  const [authorizing, setAuthorizing] = useState<PartialRef>();
  const path = ['apps', index, 'description'];

  return (
    <Box>
      <DetailHeader
        title={app.name}
        actions={
          <Button color="error" variant="outlined" startIcon={<DeleteOutlined />} onClick={() => setDeleting(true)}>
            Delete app
          </Button>
        }
      />
      <ModelText
        path={path}
        label="Description"
        value={app.description ?? ''}
        multiline
        onChange={(v) =>
          edit('Edit app description', (p) => ({ ...p, apps: p.apps.map((a, i) => (i === index ? { ...a, description: v === '' ? undefined : v } : a)) }), { merge: fieldId(path) })
        }
      />
      <Section title="Credentials">
        <CredentialsPanel app={app.name} credentials={credentials} />
      </Section>
      <Section
        title="Authorizations"
        description="The APIs this app may call, each in one stage. After the expiry, the gateway refuses the app's calls to that API."
        actions={
          <Button startIcon={<AddIcon />} onClick={() => setAuthorizing(startRef(project))} disabled={project.apis.length === 0} title={project.apis.length === 0 ? 'The project has no APIs yet.' : undefined}>
            Authorize on an API
          </Button>
        }
      >
        <AuthorizationsTable project={project} app={app.name} highlight={highlight} />
      </Section>
      <AuthorizeDialog project={project} app={app.name} value={authorizing} onChange={setAuthorizing} onClose={() => setAuthorizing(undefined)} />
      <DeleteAppDialog open={deleting} project={project} app={app.name} hasCredentials={(credentials.view?.keys.length ?? 0) > 0} onClose={() => setDeleting(false)} />
    </Box>
  );
}
