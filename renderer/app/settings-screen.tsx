/** Settings: the theme, the project's own name and description, the cloud connection, and what the app runs on. */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { AppInfo } from '../../shared/ipc/contract';
import { PageHeader } from '../components/page-header';
import { ModelText } from '../components/model-controls';
import { fieldId } from '../data/fields';
import { useProjectStore } from '../data/project-store';
import { appInfo } from '../data/workspace';
import { CloudProfilesSection } from '../screens/settings/cloud-profiles-section';
import { SettingsSection } from '../screens/settings/settings-section';
import { VaultAlert } from '../screens/settings/vault-alert';
import type { ThemePreference } from './theme';
import { useThemePreference } from './theme';

function ThemeSection() {
  const { preference, setPreference } = useThemePreference();
  return (
    <SettingsSection title="Appearance">
      <RadioGroup aria-label="Theme" value={preference} onChange={(e) => setPreference(e.target.value as ThemePreference)}>
        <FormControlLabel value="system" control={<Radio />} label="Follow the system (light or dark)" />
        <FormControlLabel value="light" control={<Radio />} label="Light" />
        <FormControlLabel value="dark" control={<Radio />} label="Dark" />
      </RadioGroup>
    </SettingsSection>
  );
}

function ProjectSection() {
  const working = useProjectStore((s) => s.working);
  const edit = useProjectStore((s) => s.edit);
  if (!working) return null;
  return (
    <SettingsSection title="Project">
      <Stack spacing={2}>
        <ModelText
          path={['name']}
          label="Project name"
          value={working.name}
          onChange={(name) => edit('Rename the project', (p) => ({ ...p, name }), { merge: fieldId(['name']) })}
          required
        />
        <ModelText
          path={['description']}
          label="Description"
          value={working.description ?? ''}
          multiline
          minRows={2}
          onChange={(text) => edit('Edit the project description', (p) => ({ ...p, description: text === '' ? undefined : text }), { merge: fieldId(['description']) })}
        />
      </Stack>
    </SettingsSection>
  );
}

function AppSection() {
  const [info, setInfo] = useState<AppInfo>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    appInfo().then(setInfo, (e: Error) => setError(e.message));
  }, []);
  return (
    <SettingsSection title="About this app">
      {error && <Alert severity="error">Could not read the app information: {error}</Alert>}
      {!info && !error && <Typography variant="body2">Loading…</Typography>}
      {info && (
        <>
          <Table aria-label="App information">
            <TableBody>
              <TableRow>
                <TableCell component="th" scope="row" sx={{ width: 180 }}>Mode</TableCell>
                <TableCell>{info.mode === 'desktop' ? 'Desktop app' : 'Browser mode (served by apigw-studio ui on 127.0.0.1)'}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell component="th" scope="row">Version</TableCell>
                <TableCell>{info.version}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell component="th" scope="row">Data folder</TableCell>
                <TableCell sx={{ wordBreak: 'break-all' }}>
                  <code>{info.dataDir}</code>
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <Typography variant="h3" component="h3" sx={{ mt: 2, mb: 0.5 }}>
            Secrets
          </Typography>
          <VaultAlert vault={info.vault} />
        </>
      )}
    </SettingsSection>
  );
}

export function SettingsScreen() {
  return (
    <Box component="section" aria-label="Settings">
      <PageHeader title="Settings" />
      <Stack spacing={2} sx={{ px: 3, pb: 3, maxWidth: 1080 }}>
        <ThemeSection />
        <ProjectSection />
        <CloudProfilesSection />
        <AppSection />
      </Stack>
    </Box>
  );
}
