/**
 * The Local gateway area: the embedded gateway's controls and status on top, each group's address,
 * then the live access log or the debugger.
 */
import { useEffect } from 'react';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { PageHeader } from '../../components/page-header';
import type { GatewayView } from '../../data/gateway-store';
import { ensureGatewayConnection, useGatewayStore } from '../../data/gateway-store';
import { AccessLogPanel } from './access-log-panel';
import { DebuggerPanel } from './debugger/debugger-panel';
import { GatewayControls } from './gateway-controls';
import { GroupAddressesPanel } from './group-addresses-panel';

export function LocalGatewayScreen() {
  const view = useGatewayStore((s) => s.view);
  const setView = useGatewayStore((s) => s.setView);
  useEffect(() => ensureGatewayConnection(), []);

  return (
    <Box component="section" aria-label="Local gateway" sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <PageHeader title="Local gateway" subtitle="Serves the stages of this project on 127.0.0.1, as the cloud's gateway would, and calls them signed to debug." />
      <GatewayControls />
      <GroupAddressesPanel />
      <Tabs value={view} onChange={(_e, v: GatewayView) => setView(v)} aria-label="Local gateway sections" sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}>
        <Tab value="log" label="Access log" id="gateway-tab-log" aria-controls="gateway-tab-panel" />
        <Tab value="debugger" label="Debugger" id="gateway-tab-debugger" aria-controls="gateway-tab-panel" />
      </Tabs>
      <Box id="gateway-tab-panel" role="tabpanel" aria-labelledby={`gateway-tab-${view}`} sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', px: 3, pt: 1.5, pb: 2 }}>
        {view === 'log' ? <AccessLogPanel /> : <DebuggerPanel />}
      </Box>
    </Box>
  );
}
