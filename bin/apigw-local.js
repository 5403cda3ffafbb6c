#!/usr/bin/env node
// The `apigw-local` command: the local gateway's own CLI, run through tsx (no build step needed).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../local-gateway/cli.ts');
await main(process.argv);
