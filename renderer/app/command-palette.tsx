/** The search dialog (Ctrl/Cmd+K): groups, APIs and apps; Enter goes to the one highlighted. */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useProjectStore } from '../data/project-store';
import { useUiStore } from '../data/ui-store';
import type { SearchItem } from './search-index';
import { search } from './search-index';

export function CommandPalette() {
  const open = useUiStore((s) => s.dialog === 'search');
  const openDialog = useUiStore((s) => s.openDialog);
  const navigate = useUiStore((s) => s.navigate);
  const working = useProjectStore((s) => s.working);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const deferred = useDeferredValue(query);
  const results = useMemo(() => (working ? search(working, deferred) : []), [working, deferred]);

  useEffect(() => {
    if (open) setQuery('');
  }, [open]);
  useEffect(() => setActive(0), [deferred]);

  const close = () => openDialog(undefined);
  const go = (item: SearchItem | undefined) => {
    if (!item) return;
    close();
    navigate(item.area, item.selection);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(results[active]);
    }
  };

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="search-title" slotProps={{ paper: { sx: { alignSelf: 'flex-start', mt: 10 } } }}>
      <DialogTitle id="search-title" sx={{ pb: 1 }}>
        Search
      </DialogTitle>
      <Box sx={{ px: 3, pb: 1 }}>
        <TextField
          autoFocus
          fullWidth
          label="Search groups, APIs and apps"
          placeholder="Name, path or method, e.g. /users GET"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          disabled={!working}
          helperText={!working ? 'No project is loaded.' : undefined}
          slotProps={{ htmlInput: { role: 'combobox', 'aria-expanded': results.length > 0, 'aria-controls': 'search-results', 'aria-activedescendant': results.length > 0 ? `search-result-${active}` : undefined } }}
        />
      </Box>
      <List id="search-results" role="listbox" aria-label="Search results" dense sx={{ maxHeight: 380, overflow: 'auto', pb: 1 }}>
        {results.map((item, i) => (
          <ListItemButton
            key={`${item.kind}:${item.detail}:${item.label}`}
            id={`search-result-${i}`}
            role="option"
            aria-selected={i === active}
            selected={i === active}
            onMouseEnter={() => setActive(i)}
            onClick={() => go(item)}
            sx={{ px: 3 }}
          >
            <Chip label={item.kind} variant="outlined" sx={{ mr: 1.5, width: 56 }} />
            <ListItemText primary={item.label} secondary={item.detail} slotProps={{ primary: { noWrap: true }, secondary: { noWrap: true } }} />
          </ListItemButton>
        ))}
        {deferred.trim() !== '' && results.length === 0 && (
          <Typography variant="body2" sx={{ px: 3, py: 1, color: 'text.secondary' }}>
            Nothing matches “{deferred}”. Search looks at group, API and app names, and at API paths and methods.
          </Typography>
        )}
      </List>
    </Dialog>
  );
}
