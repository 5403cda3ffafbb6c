/** The console's frame: top bar, navigation, the area, status bar, and the app-wide dialogs. */
import { useEffect } from 'react';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { useCloudStore } from '../data/cloud-store';
import { onMenuCommand } from '../data/menu-commands';
import { connectProjectEvents } from '../data/project-events';
import { useProjectStore } from '../data/project-store';
import { useUiStore } from '../data/ui-store';
import { AreaErrorBoundary } from './area-error-boundary';
import { CloudNamesBanner, RenameNamesDialog } from './cloud-names';
import { areaOf } from './areas';
import { CommandPalette } from './command-palette';
import { DemoBanner } from './demo-banner';
import { runCommand } from './commands';
import { useFieldFocus } from './field-focus';
import { LoadFailedScreen } from './load-failed-screen';
import { Nav } from './nav';
import { OpenProjectDialog } from './open-project-dialog';
import { useRouteSync } from './route-sync';
import { ChangedOnDiskBanner, SaveErrorDialog } from './save-problems';
import { useGlobalShortcuts } from './shortcuts';
import { Snackbars } from './snackbars';
import { StatusBar } from './status-bar';
import { useAppTheme } from './theme';
import { TopBar } from './top-bar';

function useHostConnection(): void {
  useEffect(() => {
    void useProjectStore.getState().load();
    // The title bar and the demo banner say which cloud is in use from the start.
    void useCloudStore.getState().loadConnection();
    const offEvents = connectProjectEvents();
    const offMenu = onMenuCommand(runCommand);
    return () => {
      offEvents();
      offMenu();
    };
  }, []);
}

/** The browser asks before leaving (reload, close) while there are unsaved changes. */
function useLeaveGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!useProjectStore.getState().dirty) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}

function AreaContent() {
  const areaId = useUiStore((s) => s.area);
  const status = useProjectStore((s) => s.status);
  const area = areaOf(areaId);
  if (area.needsProject && status === 'loading') {
    return (
      <Box role="status" aria-label="Loading the project" sx={{ display: 'grid', placeItems: 'center', height: '100%' }}>
        <CircularProgress size={28} />
      </Box>
    );
  }
  if (area.needsProject && status === 'failed') return <LoadFailedScreen />;
  const { Screen } = area;
  return (
    <AreaErrorBoundary area={area.label}>
      <Screen />
    </AreaErrorBoundary>
  );
}

export function App() {
  const theme = useAppTheme();
  useHostConnection();
  useLeaveGuard();
  useRouteSync();
  useGlobalShortcuts();
  useFieldFocus();
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Box sx={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
        <TopBar />
        <ChangedOnDiskBanner />
        <Box sx={{ display: 'flex', flex: 1, minHeight: 0 }}>
          <Nav />
          <Box component="main" sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
            <DemoBanner />
            <CloudNamesBanner />
            <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
              <AreaContent />
            </Box>
          </Box>
        </Box>
        <StatusBar />
      </Box>
      <CommandPalette />
      <OpenProjectDialog />
      <SaveErrorDialog />
      <RenameNamesDialog />
      <Snackbars />
    </ThemeProvider>
  );
}
