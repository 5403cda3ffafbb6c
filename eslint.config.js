// Lint rules that keep each folder to its runtime and its neighbours (docs/architecture.md "Rules").
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import { roomsPlugin } from './scripts/eslint/rooms.mjs';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not allowed here: this code must run in every process.' })) };
const noElectron = (message) => ({ group: ['electron', 'electron/*'], message });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'coverage/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Which folder may import which of our own: one table, in scripts/eslint/rooms.mjs.
    files: ['**/*.{ts,tsx,mjs,js}'],
    plugins: { rooms: roomsPlugin },
    rules: { 'rooms/allowed-imports': 'error' },
  },
  // The packages a folder's runtime has (our own folders are the rooms table's business).
  {
    files: ['shared/**/*.ts'],
    // shared/node/ holds the Node primitives the Node programs share; the rest runs everywhere.
    ignores: ['shared/**/*.test.ts', 'shared/node/**'],
    rules: {
      'no-restricted-imports': ['error', { ...noNode, patterns: [noElectron('shared/ must not import Electron.')] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    // vite.config.ts runs in Node at build time, not in the UI.
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', { ...noNode, patterns: [noElectron('The renderer reaches the host only through the contract in shared/ipc.')] }],
    },
  },
  {
    // Only main.ts and preload.ts load Electron; the host and the rest of the shell run in plain
    // Node (tests, browser mode) and take Electron's objects as parameters, so types are allowed.
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
    files: ['offline-cloud/**/*.ts', 'local-gateway/**/*.ts', 'shared/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noElectron('The local gateway, the offline cloud and shared/node are plain Node programs and never import Electron.')] }],
    },
  },
);
