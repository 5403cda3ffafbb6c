/**
 * Monaco, bundled with the app: @monaco-editor/react would otherwise fetch it from a CDN, and the
 * app must work offline. The editor's features, the JSON language (with its worker) and YAML
 * colouring (no worker) are loaded; no other language or worker is built.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/language/json/monaco.contribution';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

// Without getWorker, Monaco inlines its worker as a data: URL that cannot load its imports.
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

loader.config({ monaco });

export { monaco };
