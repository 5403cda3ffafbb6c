#!/usr/bin/env node
// The `apigw-local` command: the local gateway's own CLI. Runs dist/local-gateway/gateway.cjs (the
// bundle the desktop app forks) when it matches the sources, else local-gateway/cli.ts through tsx
// (bin/bundle-or-sources.js says why).
import { start } from './bundle-or-sources.js';

await start('apigw-local', 'local-gateway/cli.ts');
