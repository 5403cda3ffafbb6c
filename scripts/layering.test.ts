// The folder rules (docs/architecture.md "Rules") are enforced by eslint.config.js and the rooms
// table in scripts/eslint/rooms.mjs; this proves each rule bites, so that a config change cannot
// quietly switch one off.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const IMPORT_RULES = new Set(['no-restricted-imports', '@typescript-eslint/no-restricted-imports', 'rooms/allowed-imports']);

async function importProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId && IMPORT_RULES.has(m.ruleId)).map((m) => m.message);
}

describe('folder rules', () => {
  it.each([
    // Runtimes: shared/ and the renderer run everywhere, so no Node and no Electron.
    ['shared/model/x.ts', "import fs from 'node:fs';"],
    ['shared/model/x.ts', "import { join } from 'path';"],
    ['shared/model/x.ts', "import { app } from 'electron';"],
    ['renderer/app.tsx', "import { readFile } from 'node:fs/promises';"],
    ['renderer/app.tsx', "import { ipcRenderer } from 'electron';"],
    ['local-gateway/server.ts', "import { app } from 'electron';"],
    ['offline-cloud/cloud-sim.ts', "import { app } from 'electron';"],
    ['host/sync/x.ts', "import { safeStorage } from 'electron';"],
    // shared/ imports only shared/ (not even shared/node/).
    ['shared/model/x.ts', "import { loadProject } from '../../host/workspace/project-store';"],
    ['shared/model/x.ts', "import { startCloudSim } from '../../offline-cloud/cloud-sim';"],
    ['shared/model/x.ts', "import { writeFileAtomic } from '../node/atomic-write';"],
    ['shared/node/x.ts', "import { apply } from '../../host/sync/apply';"],
    // The renderer imports only shared/, reaches the host through the contract.
    ['renderer/app.tsx', "import { x } from '../local-gateway/server';"],
    ['renderer/app.tsx', "import { startCloudSim } from '../offline-cloud/cloud-sim';"],
    ['renderer/app.tsx', "import { createHostServices } from '../host/app';"],
    ['renderer/app.tsx', "import { writeFileAtomic } from '../shared/node/atomic-write';"],
    // Inside the renderer: stores never import a screen; screens never call the transport.
    ['renderer/data/x.ts', "import { ApisScreen } from '../screens/apis/apis-screen';"],
    ['renderer/data/x.ts', "import { App } from '../app/app';"],
    ['renderer/screens/apis/x.tsx', "import { transport } from '../../data/transport';"],
    ['renderer/components/x.tsx', "import { transport } from '../data/transport';"],
    // The local gateway: shared/ only (and shared/node).
    ['local-gateway/server.ts', "import { x } from '../host/base/host-error';"],
    ['local-gateway/server.ts', "import { startCloudSim } from '../offline-cloud/cloud-sim';"],
    // The offline cloud: shared/, shared/node, the local gateway; never the host.
    ['offline-cloud/cloud-sim.ts', "import { createCloudConsole } from '../host/cloud-console/cloud-console';"],
    ['offline-cloud/cloud-sim.ts', "import { apply } from '../host/sync/apply';"],
    ['offline-cloud/cloud-sim.ts', "import { HostError } from '../host/base/host-error';"],
    // The host: features meet through their index.ts; host/base/ stands on nothing of the host.
    ['host/sync/x.ts', "import { ProjectStore } from '../workspace/project-store';"],
    ['host/instances/x.ts', "import { SerialQueue } from '../../host/sync/bounded';"],
    ['host/base/x.ts', "import { apply } from '../sync';"],
    ['host/cloud-console/x.ts', "import { startCloudSim } from '../../offline-cloud/cloud-sim';"],
    ['host/sync/x.ts', "import { App } from '../../renderer/app/app';"],
    ['host/sync/x.ts', "import { startGateway } from '../../local-gateway/server';"],
    ['host/sync/x.ts', "import { createWindow } from '../../electron/main/window';"],
    // The Electron shell: host features through their doors too.
    ['electron/main.ts', "import { WorkspaceService } from '../host/workspace/workspace-service';"],
    ['electron/main/x.ts', "import { App } from '../../renderer/app/app';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await importProblems(file, code)).not.toEqual([]);
  });

  it.each([
    ['shared/model/x.ts', "import { z } from 'zod';"],
    ['shared/node/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['shared/node/x.ts', "import { Project } from '../model/schema';"],
    ['renderer/app.tsx', "import { Project } from '../shared/model/schema';"],
    ['renderer/data/x.ts', "import { transport } from './transport';"],
    ['renderer/screens/apis/x.tsx', "import { useProject } from '../../data/project-store';"],
    ['host/workspace/x.ts', "import fs from 'node:fs';"],
    ['host/sync/x.ts', "import { ProjectStore } from '../workspace';"],
    ['host/sync/x.ts', "import { HostError } from '../base/host-error';"],
    ['host/sync/x.ts', "import { writeFileAtomic } from '../../shared/node/atomic-write';"],
    ['host/sync/x.ts', "import type { BrowserWindow } from 'electron';"],
    ['host/cloud-console/x.ts', "import { startCloudSim } from '../../offline-cloud';"],
    ['local-gateway/server.ts', "import http from 'node:http';"],
    ['local-gateway/x.ts', "import { writeFileAtomic } from '../shared/node/atomic-write';"],
    ['offline-cloud/cloud-sim.ts', "import http from 'node:http';"],
    ['offline-cloud/data-plane.ts', "import { startGateway } from '../local-gateway/server';"],
    ['offline-cloud/sim-data-dir.ts', "import { writeFileAtomic } from '../shared/node/atomic-write';"],
    ['electron/main.ts', "import { createHostServices } from '../host/app';"],
    ['electron/main.ts', "import { app } from 'electron';"],
    // Tests and their helpers drive the rooms from outside.
    ['host/sync/x.test.ts', "import { ProjectStore } from '../workspace/project-store';"],
    ['offline-cloud/testing/x.ts', "import { createCloudClient } from '../../host/cloud/client';"],
  ])('%s may: %s', async (file, code) => {
    expect(await importProblems(file, code)).toEqual([]);
  });

  it('says what is wrong and where the door is', async () => {
    const [message] = await importProblems('host/sync/x.ts', "import { ProjectStore } from '../workspace/project-store';");
    expect(message).toBe('host/sync/ reaches host/workspace/ only through its door, host/workspace/index.ts: import the folder, not one of its files.');
    const [refused] = await importProblems('offline-cloud/x.ts', "import { apply } from '../host/sync';");
    expect(refused).toBe('offline-cloud/ may not import host/sync/: it may import shared, shared/node, local-gateway.');
  });
});
