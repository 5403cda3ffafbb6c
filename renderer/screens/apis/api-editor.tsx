/** One API, full page: a header with its route and stages, actions, and the editor's tabs. */
import { useEffect, useState } from 'react';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import BugReportOutlined from '@mui/icons-material/BugReportOutlined';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteIcon from '@mui/icons-material/Delete';
import RocketLaunchIcon from '@mui/icons-material/RocketLaunch';
import type { ApiKey } from '../../../shared/model/stages';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { openDebugger } from '../../data/debugger';
import { useProblemsUnder } from '../../data/fields';
import { useProjectStore } from '../../data/project-store';
import { useUiStore } from '../../data/ui-store';
import { MONO } from '../../app/theme';
import { DeployDialog } from '../common/deploy-dialog';
import { duplicateApi } from './api-edits';
import { servedStages, stagesOf } from './api-index';
import type { ApiTabId } from './api-tabs';
import { API_TABS, tabOfField } from './api-tabs';
import { DeleteApiDialog } from './delete-api-dialog';
import { MethodChip, StageChips } from './chips';
import { AuthTab } from './tabs/auth-tab';
import { BackendTab } from './tabs/backend-tab';
import { BasicsTab } from './tabs/basics-tab';
import { ParametersTab } from './tabs/parameters-tab';
import { RequestTab } from './tabs/request-tab';
import { ResponsesTab } from './tabs/responses-tab';
import type { TabProps } from './tabs/tab-props';
import { YamlTab } from './tabs/yaml-tab';
import { useApi } from './use-api';

const TAB_CONTENT: Record<ApiTabId, (props: TabProps) => React.ReactNode> = {
  basics: BasicsTab,
  request: RequestTab,
  parameters: ParametersTab,
  backend: BackendTab,
  auth: AuthTab,
  responses: ResponsesTab,
  yaml: YamlTab,
};

function useTabProblemCounts(at: (string | number)[]): Record<ApiTabId, number> {
  const problems = useProblemsUnder(at);
  const counts = { basics: 0, request: 0, parameters: 0, backend: 0, auth: 0, responses: 0, yaml: 0 };
  for (const p of problems) counts[tabOfField(p.path.slice(at.length))]++;
  return counts;
}

export function ApiEditor({ apiRef }: { apiRef: ApiKey }) {
  const { api, index, at, editApi } = useApi(apiRef);
  const deployments = useProjectStore((s) => s.working?.deployments);
  const edit = useProjectStore((s) => s.edit);
  const select = useUiStore((s) => s.select);
  const notify = useUiStore((s) => s.notify);
  const focusRequest = useUiStore((s) => s.focusRequest);
  const [tab, setTab] = useState<ApiTabId>('basics');
  const [dialog, setDialog] = useState<'deploy' | 'delete'>();
  const counts = useTabProblemCounts(at);
  const problemCount = Object.values(counts).reduce((a, b) => a + b, 0) - counts.yaml;

  // A problem clicked in the status bar opens the tab that holds its field.
  useEffect(() => {
    const path = focusRequest?.path;
    if (path && path[0] === 'apis' && path[1] === index) setTab(tabOfField(path.slice(2)));
  }, [focusRequest, index]);

  if (!api) {
    return (
      <EmptyState
        title={`API ${apiRef.api} is not in the project`}
        action={
          <Button variant="outlined" onClick={() => select(undefined)}>
            Back to all APIs
          </Button>
        }
      >
        It was renamed, deleted or undone. Find it in the list.
      </EmptyState>
    );
  }

  const stages = deployments ? stagesOf(servedStages(deployments), api) : [];
  const deployBlocked = problemCount > 0 ? `Fix ${problemCount === 1 ? 'the problem' : `the ${problemCount} problems`} of this API before deploying it (the tabs with a red count show where).` : undefined;
  const Content = TAB_CONTENT[tab];

  const duplicate = () => {
    let copy: ApiKey | undefined;
    edit(`Duplicate API ${api.name}`, (p) => {
      const result = duplicateApi(p, apiRef);
      copy = result.copy;
      return result.project;
    });
    if (copy) {
      select({ kind: 'api', ...copy });
      notify(`Created ${copy.api}, a copy of ${api.name} (not deployed).`, 'success');
    }
  };

  return (
    <Box component="section" aria-label={`API ${api.name}`} sx={{ pb: 4 }}>
      <PageHeader
        before={
          <Link component="button" underline="hover" onClick={() => select(undefined)} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mb: 0.5, fontSize: '0.8rem' }}>
            <ArrowBackIcon sx={{ fontSize: 16 }} /> All APIs
          </Link>
        }
        title={<span title={api.name}>{api.name}</span>}
        subtitle={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
            <MethodChip method={api.request.method} />
            <Box component="code" sx={{ fontFamily: MONO, color: 'text.primary', wordBreak: 'break-all' }}>
              {api.request.path}
            </Box>
            <span>in group {api.group}</span>
            <StageChips stages={stages} emptyLabel="not deployed" />
          </Stack>
        }
        actions={
          <>
            <Button startIcon={<BugReportOutlined />} onClick={() => openDebugger(apiRef)} title="Call this API through the local gateway">
              Debug
            </Button>
            <Button startIcon={<ContentCopyIcon />} onClick={duplicate}>
              Duplicate
            </Button>
            <Button startIcon={<DeleteIcon />} color="error" onClick={() => setDialog('delete')}>
              Delete
            </Button>
            <Stack sx={{ alignItems: 'flex-end' }}>
              <Button variant="contained" startIcon={<RocketLaunchIcon />} onClick={() => setDialog('deploy')} disabled={deployBlocked !== undefined} aria-describedby={deployBlocked ? 'deploy-blocked' : undefined}>
                Deploy…
              </Button>
            </Stack>
          </>
        }
      />
      {deployBlocked && (
        <Typography id="deploy-blocked" role="note" variant="caption" sx={{ display: 'block', color: 'error.main', px: 3, mt: -1, mb: 1, textAlign: 'right' }}>
          {deployBlocked}
        </Typography>
      )}
      <Tabs value={tab} onChange={(_e, value: ApiTabId) => setTab(value)} aria-label="API editor sections" variant="scrollable" sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}>
        {API_TABS.map((t) => (
          <Tab
            key={t.id}
            value={t.id}
            id={`api-tab-${t.id}`}
            aria-controls="api-tab-panel"
            label={
              counts[t.id] > 0 && t.id !== 'yaml' ? (
                <Badge color="error" badgeContent={counts[t.id]} sx={{ '& .MuiBadge-badge': { right: -10, top: 2 } }} aria-label={`${t.label}, ${counts[t.id]} ${counts[t.id] === 1 ? 'problem' : 'problems'}`}>
                  {t.label}
                </Badge>
              ) : (
                t.label
              )
            }
            sx={counts[t.id] > 0 && t.id !== 'yaml' ? { pr: 3 } : undefined}
          />
        ))}
      </Tabs>
      <Box id="api-tab-panel" role="tabpanel" aria-labelledby={`api-tab-${tab}`} sx={{ px: 3, pt: 2.5 }}>
        <Content key={`${apiRef.group}/${apiRef.api}`} api={api} at={at} editApi={editApi} />
      </Box>
      <DeployDialog open={dialog === 'deploy'} group={apiRef.group} apis={[apiRef.api]} initialStages={['TEST']} blockedReason={deployBlocked} onClose={() => setDialog(undefined)} />
      <DeleteApiDialog open={dialog === 'delete'} apiRef={apiRef} onClose={() => setDialog(undefined)} />
    </Box>
  );
}
