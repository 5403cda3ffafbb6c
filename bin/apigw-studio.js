#!/usr/bin/env node
// The `apigw-studio` command. Runs dist/cli/apigw-studio.cjs when it matches the sources, else
// host/cli/main.ts through tsx (bin/bundle-or-sources.js says why).
import { start } from './bundle-or-sources.js';

await start('apigw-studio', 'host/cli/main.ts');
