// Lint rules that keep each folder to its runtime (DESIGN.md "Processes and folders").
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not allowed here: this code must run in every process.' })) };
const folder = (name, message) => ({ group: [`**/${name}/**`, `../${name}/*`, `../../${name}/*`], message });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'coverage/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    // shared/node/ holds the Node primitives the Node programs share; the rest runs everywhere.
    ignores: ['shared/**/*.test.ts', 'shared/node/**'],
    rules: {
      'no-restricted-imports': ['error', {
        ...noNode,
        patterns: [
          { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron.' },
          folder('electron', 'shared/ imports none of electron/, renderer/, local-gateway/.'),
          folder('renderer', 'shared/ imports none of electron/, renderer/, local-gateway/.'),
          folder('host', 'shared/ imports none of host/, electron/, renderer/, local-gateway/.'),
          folder('local-gateway', 'shared/ imports none of electron/, renderer/, local-gateway/.'),
          folder('offline-cloud', 'shared/ never imports the offline cloud: it is a separate server.'),
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    // vite.config.ts runs in Node at build time, not in the UI.
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        ...noNode,
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The renderer reaches the host only through the contract in shared/ipc.' },
          folder('electron', 'The renderer imports only shared/.'),
          folder('local-gateway', 'The renderer imports only shared/.'),
          folder('host', 'The renderer imports only shared/.'),
          folder('offline-cloud', 'The renderer imports only shared/.'),
        ],
      }],
    },
  },
  {
    // Only main.ts and preload.ts load Electron; everything else in the host runs in plain Node
    // (tests, browser mode) and takes Electron's objects as parameters, so types are allowed.
    files: ['electron/**/*.ts', 'host/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', allowTypeImports: true, message: 'Only electron/main.ts and electron/preload.ts import Electron at runtime; take the object as a parameter (`import type` is fine).' }],
        patterns: [{ group: ['electron/*'], allowTypeImports: true, message: 'Only electron/main.ts and electron/preload.ts import Electron at runtime.' }],
      }],
    },
  },
  {
    // The offline cloud is its own server: it is driven over HTTP, never imported by the UI.
    files: ['offline-cloud/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        // Only the Electron package itself: the offline cloud still uses host modules under electron/ (they move out with the host).
        paths: [{ name: 'electron', message: 'The offline cloud is its own Node program and never imports Electron.' }],
        patterns: [folder('renderer', 'The offline cloud never imports the UI.')],
      }],
    },
  },
  {
    files: ['local-gateway/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The local gateway is its own Node program and never imports Electron.' },
          folder('electron', 'The local gateway imports only shared/.'),
          folder('renderer', 'The local gateway imports only shared/.'),
          folder('host', 'The local gateway imports only shared/.'),
        ],
      }],
    },
  },
);
