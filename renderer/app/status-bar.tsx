/** The status bar: how many problems the design has (a click lists them; a click on one shows its field). */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Popover from '@mui/material/Popover';
import Typography from '@mui/material/Typography';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import { formatPath } from '../../shared/model/problems';
import { useProjectStore } from '../data/project-store';
import { useUiStore } from '../data/ui-store';
import { RenameNamesButton } from './cloud-names';

/** A list of thousands would be slow and useless; the first ones lead to the rest. */
const MAX_LISTED = 200;

function ProblemsButton() {
  const problems = useProjectStore((s) => s.problems);
  const status = useProjectStore((s) => s.status);
  const focusField = useUiStore((s) => s.focusField);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (status !== 'ready') return null;
  const count = problems.length;
  const label = count === 0 ? 'No problems' : count === 1 ? '1 problem' : `${count} problems`;
  return (
    <>
      <Button
        size="small"
        color={count > 0 ? 'error' : 'inherit'}
        startIcon={count > 0 ? <ErrorOutlineIcon fontSize="small" /> : <CheckCircleOutlineIcon fontSize="small" />}
        onClick={(e) => setAnchor(e.currentTarget)}
        disabled={count === 0}
        aria-haspopup="dialog"
        sx={{ py: 0, minHeight: 0, fontSize: '0.75rem', '&.Mui-disabled': { color: 'text.secondary' } }}
      >
        {label}
      </Button>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'top', horizontal: 'left' }}
        transformOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': 'Problems', sx: { width: 560, maxHeight: 420 } } }}
      >
        <Typography variant="subtitle2" sx={{ px: 2, pt: 1.5, pb: 0.5 }}>
          {label} — click one to show its field
        </Typography>
        <Box sx={{ px: 2, pt: 0.5, '&:empty': { display: 'none' } }}>
          <RenameNamesButton onClick={() => setAnchor(null)} />
        </Box>
        <List dense aria-label="Problems list">
          {problems.slice(0, MAX_LISTED).map((problem, i) => (
            <ListItemButton
              key={i}
              onClick={() => {
                setAnchor(null);
                focusField(problem.path);
              }}
            >
              <ListItemText
                primary={problem.message}
                secondary={formatPath(problem.path) || 'project'}
                slotProps={{ primary: { variant: 'body2' }, secondary: { sx: { fontFamily: 'monospace', fontSize: '0.72rem' } } }}
              />
            </ListItemButton>
          ))}
        </List>
        {count > MAX_LISTED && (
          <Typography variant="caption" sx={{ px: 2, pb: 1.5, display: 'block', color: 'text.secondary' }}>
            and {count - MAX_LISTED} more: fix these first, or see them all with <code>npx apigw-studio validate</code>.
          </Typography>
        )}
      </Popover>
    </>
  );
}

export function StatusBar() {
  const file = useProjectStore((s) => s.file);
  const saving = useProjectStore((s) => s.saving);
  const apiCount = useProjectStore((s) => s.working?.apis.length);
  return (
    <Box
      component="footer"
      aria-label="Status bar"
      sx={{ display: 'flex', alignItems: 'center', gap: 2, px: 1.5, height: 28, borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper', fontSize: '0.75rem', color: 'text.secondary' }}
    >
      <ProblemsButton />
      {apiCount !== undefined && <span>{apiCount === 1 ? '1 API' : `${apiCount} APIs`}</span>}
      <Box sx={{ flex: 1 }} />
      {saving && <span role="status">Saving…</span>}
      {file && <span title={file.path}>{file.fileName}</span>}
    </Box>
  );
}
