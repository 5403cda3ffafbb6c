/** The left navigation: one entry per area. */
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { useUiStore } from '../data/ui-store';
import { AREAS } from './areas';

export function Nav() {
  const area = useUiStore((s) => s.area);
  const setArea = useUiStore((s) => s.setArea);
  return (
    <Box component="nav" aria-label="Areas" sx={{ width: 196, flexShrink: 0, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper', overflowY: 'auto', py: 1 }}>
      <List dense disablePadding>
        {AREAS.map((a, i) => (
          <Box key={a.id}>
            {i === 6 && <Box role="separator" sx={{ borderTop: 1, borderColor: 'divider', my: 1, mx: 2 }} />}
            <ListItemButton
              selected={a.id === area}
              aria-current={a.id === area ? 'page' : undefined}
              onClick={() => setArea(a.id)}
              sx={{ mx: 1, borderRadius: 1, py: 0.6, '&.Mui-selected': { fontWeight: 600 } }}
            >
              <ListItemIcon sx={{ minWidth: 32, '& svg': { fontSize: 18 } }}>{a.icon}</ListItemIcon>
              <ListItemText primary={a.label} slotProps={{ primary: { variant: 'body2', sx: { fontWeight: 'inherit' } } }} />
            </ListItemButton>
          </Box>
        ))}
      </List>
    </Box>
  );
}
