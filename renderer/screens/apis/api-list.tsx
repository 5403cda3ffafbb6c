/**
 * The list of APIs: filters, and a virtualized table that renders only the rows on screen, so a
 * project with thousands of APIs stays quick to scroll and to filter.
 */
import { memo, useCallback, useDeferredValue, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import SearchIcon from '@mui/icons-material/Search';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { HTTP_METHODS, STAGES } from '../../../shared/model/schema';
import type { Api, HttpMethod, Stage } from '../../../shared/model/schema';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { useProjectStore } from '../../data/project-store';
import { useUiStore } from '../../data/ui-store';
import { MONO } from '../../app/theme';
import { useApiFilters } from './api-filters-store';
import type { ApiFilters } from './api-index';
import { filterApis, hasFilters, problemsPerApi, servedStages, stagesOf } from './api-index';
import { MethodChip, StageChips } from './chips';

const ROW_HEIGHT = 38;
const COLUMNS = '88px minmax(160px, 2fr) minmax(160px, 2fr) minmax(120px, 1.2fr) 110px 176px 104px';
const HEADERS = ['Method', 'Path', 'Name', 'Group', 'Auth', 'Stages', 'Problems'];

const cellSx = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', px: 1 } as const;

interface RowProps {
  api: Api;
  rowIndex: number;
  stages: Stage[];
  problems: number;
  start: number;
  onOpen: (api: Api) => void;
}

const ApiRow = memo(function ApiRow({ api, rowIndex, stages, problems, start, onOpen }: RowProps) {
  return (
    <Box
      role="row"
      aria-rowindex={rowIndex + 2}
      onClick={() => onOpen(api)}
      sx={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        transform: `translateY(${start}px)`,
        display: 'grid',
        gridTemplateColumns: COLUMNS,
        alignItems: 'center',
        borderBottom: 1,
        borderColor: 'divider',
        cursor: 'pointer',
        fontSize: '0.82rem',
        '&:hover': { bgcolor: 'action.hover' },
      }}
    >
      <Box role="cell" sx={cellSx}>
        <MethodChip method={api.request.method} />
      </Box>
      <Box role="cell" sx={{ ...cellSx, fontFamily: MONO, fontSize: '0.78rem' }} title={api.request.path}>
        {api.request.path}
      </Box>
      <Box role="cell" sx={cellSx}>
        <Box
          component="button"
          type="button"
          onClick={(e: React.MouseEvent) => {
            e.stopPropagation();
            onOpen(api);
          }}
          title={api.name}
          sx={{ all: 'unset', cursor: 'pointer', color: 'primary.main', fontWeight: 500, maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block', '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid', borderRadius: 0.5 }, '&:hover': { textDecoration: 'underline' } }}
        >
          {api.name}
        </Box>
      </Box>
      <Box role="cell" sx={{ ...cellSx, color: 'text.secondary' }} title={api.group}>
        {api.group}
      </Box>
      <Box role="cell" sx={{ ...cellSx, color: 'text.secondary' }}>
        {api.auth.type === 'APP' ? 'App' : 'Anonymous'}
      </Box>
      <Box role="cell" sx={cellSx}>
        <StageChips stages={stages} />
      </Box>
      <Box role="cell" sx={{ ...cellSx, color: problems > 0 ? 'error.main' : 'text.disabled', fontWeight: problems > 0 ? 600 : 400 }}>
        {problems > 0 ? `${problems} ${problems === 1 ? 'problem' : 'problems'}` : '—'}
      </Box>
    </Box>
  );
});

function FilterSelect<K extends keyof ApiFilters>({ name, label, value, options, width }: { name: K; label: string; value: ApiFilters[K]; options: { value: ApiFilters[K]; label: string }[]; width: number }) {
  const setFilter = useApiFilters((s) => s.setFilter);
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => setFilter(name, e.target.value as ApiFilters[K])}
      sx={{ width }}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
    >
      {options.map((o) => (
        <MenuItem key={o.value || 'all'} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function ApiList({ onNew, onImport }: { onNew: () => void; onImport: () => void }) {
  const apis = useProjectStore((s) => s.working?.apis);
  const deployments = useProjectStore((s) => s.working?.deployments);
  const groups = useProjectStore((s) => s.working?.groups);
  const problems = useProjectStore((s) => s.problems);
  const select = useUiStore((s) => s.select);
  const filters = useApiFilters((s) => s.filters);
  const setFilter = useApiFilters((s) => s.setFilter);
  const clear = useApiFilters((s) => s.clear);
  // Typing stays responsive: the list follows the text as soon as the browser has time.
  const deferredFilters = useDeferredValue(filters);

  const served = useMemo(() => servedStages(deployments ?? []), [deployments]);
  const counts = useMemo(() => problemsPerApi(problems), [problems]);
  const visible = useMemo(() => (apis ? filterApis({ apis, deployments: deployments ?? [] }, deferredFilters) : []), [apis, deployments, deferredFilters]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: visible.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const onOpen = useCallback((api: Api) => select({ kind: 'api', group: api.group, api: api.name }), [select]);

  const total = apis?.length ?? 0;
  const filtered = hasFilters(filters);

  return (
    <Box component="section" aria-label="APIs" sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <PageHeader
        title="APIs"
        subtitle={filtered ? `${visible.length} of ${total} APIs match` : `${total} ${total === 1 ? 'API' : 'APIs'} in ${groups?.length ?? 0} ${groups?.length === 1 ? 'group' : 'groups'}`}
        actions={
          <>
            <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={onImport}>
              Import OpenAPI…
            </Button>
            <Button variant="contained" startIcon={<AddIcon />} onClick={onNew}>
              New API
            </Button>
          </>
        }
      />
      <Stack direction="row" spacing={1.5} sx={{ px: 3, pb: 1.5, flexWrap: 'wrap', rowGap: 1.5 }} role="search" aria-label="Filter APIs">
        <TextField
          label="Filter by name, path or description"
          value={filters.text}
          onChange={(e) => setFilter('text', e.target.value)}
          sx={{ flex: '1 1 260px', maxWidth: 420 }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> } }}
        />
        <FilterSelect name="group" label="Group" value={filters.group} width={170} options={[{ value: '', label: 'All groups' }, ...(groups ?? []).map((g) => ({ value: g.name, label: g.name }))]} />
        <FilterSelect name="method" label="Method" value={filters.method} width={120} options={[{ value: '' as HttpMethod | '', label: 'All' }, ...HTTP_METHODS.map((m) => ({ value: m, label: m }))]} />
        <FilterSelect name="auth" label="Auth" value={filters.auth} width={130} options={[{ value: '', label: 'All' }, { value: 'ANONYMOUS', label: 'Anonymous' }, { value: 'APP', label: 'App' }]} />
        <FilterSelect name="stage" label="Served in" value={filters.stage} width={140} options={[{ value: '', label: 'Any stage' }, ...STAGES.map((s) => ({ value: s, label: s })), { value: 'none', label: 'No stage' }]} />
        {filtered && (
          <Button onClick={clear} sx={{ alignSelf: 'center' }}>
            Clear filters
          </Button>
        )}
      </Stack>

      {total === 0 ? (
        <EmptyState
          title="No APIs yet"
          action={
            <Stack direction="row" spacing={1} sx={{ justifyContent: 'center' }}>
              <Button variant="contained" startIcon={<AddIcon />} onClick={onNew}>
                New API
              </Button>
              <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={onImport}>
                Import OpenAPI…
              </Button>
            </Stack>
          }
        >
          Create an API with a mock backend to try it right away, or import an OpenAPI or Swagger document.
        </EmptyState>
      ) : (
        <Box role="table" aria-label="APIs" aria-rowcount={visible.length + 1} sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, mx: 3, mb: 2, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
          <Box role="rowgroup">
            <Box role="row" aria-rowindex={1} sx={{ display: 'grid', gridTemplateColumns: COLUMNS, borderBottom: 1, borderColor: 'divider', py: 0.75, pr: '8px' }}>
              {HEADERS.map((h) => (
                <Box key={h} role="columnheader" sx={{ ...cellSx, fontSize: '0.75rem', fontWeight: 600, color: 'text.secondary', textTransform: 'uppercase', letterSpacing: 0.4 }}>
                  {h}
                </Box>
              ))}
            </Box>
          </Box>
          <Box ref={scrollRef} role="rowgroup" sx={{ flex: 1, overflowY: 'auto', overflowX: 'hidden', scrollbarGutter: 'stable' }}>
            {visible.length === 0 ? (
              <Typography variant="body2" role="status" sx={{ p: 3, textAlign: 'center', color: 'text.secondary' }}>
                No API matches these filters.{' '}
                <Button size="small" onClick={clear}>
                  Clear filters
                </Button>
              </Typography>
            ) : (
              <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {virtualizer.getVirtualItems().map((item) => {
                  const apiIndex = visible[item.index];
                  const api = apis![apiIndex];
                  return <ApiRow key={`${api.group}\u0000${api.name}\u0000${apiIndex}`} api={api} rowIndex={item.index} start={item.start} stages={stagesOf(served, api)} problems={counts.get(apiIndex) ?? 0} onOpen={onOpen} />;
                })}
              </Box>
            )}
          </Box>
        </Box>
      )}
    </Box>
  );
}
