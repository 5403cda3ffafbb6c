/** What a screen shows when it has nothing to list: what goes here and what to do. */
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

export function EmptyState({ title, children, action, icon }: { title: string; children?: ReactNode; action?: ReactNode; icon?: ReactNode }) {
  return (
    <Box role="status" sx={{ textAlign: 'center', py: 6, px: 3, color: 'text.secondary', maxWidth: 560, mx: 'auto' }}>
      {icon && <Box sx={{ mb: 1, '& svg': { fontSize: 40 } }}>{icon}</Box>}
      <Typography variant="h3" component="p" sx={{ color: 'text.primary', mb: 1 }}>
        {title}
      </Typography>
      {children && <Typography variant="body2" component="div">{children}</Typography>}
      {action && <Box sx={{ mt: 2 }}>{action}</Box>}
    </Box>
  );
}
