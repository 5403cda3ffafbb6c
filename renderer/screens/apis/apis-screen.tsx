/** The APIs area: the list, or one API's editor when an API is selected. */
import { useState } from 'react';
import Box from '@mui/material/Box';
import { useUiStore } from '../../data/ui-store';
import { ImportDialog } from '../import/import-dialog';
import { ApiEditor } from './api-editor';
import { useApiFilters } from './api-filters-store';
import { ApiList } from './api-list';
import { NewApiDialog } from './new-api-dialog';

export function ApisScreen() {
  const selection = useUiStore((s) => s.selection);
  const groupFilter = useApiFilters((s) => s.filters.group);
  const [dialog, setDialog] = useState<'new' | 'import'>();
  const apiRef = selection?.kind === 'api' ? { group: selection.group, api: selection.api } : undefined;
  return (
    <Box sx={{ height: '100%' }}>
      {apiRef ? <ApiEditor key={`${apiRef.group}\u0000${apiRef.api}`} apiRef={apiRef} /> : <ApiList onNew={() => setDialog('new')} onImport={() => setDialog('import')} />}
      <NewApiDialog open={dialog === 'new'} defaultGroup={groupFilter || undefined} onClose={() => setDialog(undefined)} />
      <ImportDialog open={dialog === 'import'} onClose={() => setDialog(undefined)} />
    </Box>
  );
}
