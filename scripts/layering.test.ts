// The folder runtime rules (docs/architecture.md) are enforced by eslint.config.js; this proves the
// rule bites, so that a config change cannot quietly switch it off.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('folder runtime rules', () => {
  it.each([
    ['shared/model/x.ts', "import fs from 'node:fs';"],
    ['shared/model/x.ts', "import { join } from 'path';"],
    ['shared/model/x.ts', "import { app } from 'electron';"],
    ['shared/model/x.ts', "import { loadProject } from '../../host/workspace/project-store';"],
    ['renderer/app.tsx', "import { readFile } from 'node:fs/promises';"],
    ['renderer/app.tsx', "import { ipcRenderer } from 'electron';"],
    ['renderer/app.tsx', "import { x } from '../local-gateway/server';"],
    ['local-gateway/server.ts', "import { app } from 'electron';"],
    ['offline-cloud/cloud-sim.ts', "import { app } from 'electron';"],
    ['renderer/app.tsx', "import { startCloudSim } from '../offline-cloud/cloud-sim';"],
    ['shared/model/x.ts', "import { startCloudSim } from '../../offline-cloud/cloud-sim';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([]);
  });

  it.each([
    ['shared/model/x.ts', "import { z } from 'zod';"],
    ['renderer/app.tsx', "import { Project } from '../shared/model/schema';"],
    ['host/workspace/x.ts', "import fs from 'node:fs';"],
    ['local-gateway/server.ts', "import http from 'node:http';"],
    ['offline-cloud/cloud-sim.ts', "import http from 'node:http';"],
    ['offline-cloud/data-plane.ts', "import { startGateway } from '../local-gateway/server';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
