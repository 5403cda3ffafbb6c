/** The tabs of the API editor, and which tab shows the field at a path of an API. */
import type { FieldPath } from '../../../shared/model/problems';

export const API_TABS = [
  { id: 'basics', label: 'Basics' },
  { id: 'request', label: 'Request' },
  { id: 'parameters', label: 'Parameters' },
  { id: 'backend', label: 'Backend' },
  { id: 'auth', label: 'Auth' },
  { id: 'responses', label: 'Responses' },
  { id: 'yaml', label: 'YAML' },
] as const;
export type ApiTabId = (typeof API_TABS)[number]['id'];

const TAB_OF_FIELD: Record<string, ApiTabId> = {
  name: 'basics',
  group: 'basics',
  description: 'basics',
  request: 'request',
  parameters: 'parameters',
  backend: 'backend',
  serviceParameters: 'backend',
  constantParameters: 'backend',
  systemParameters: 'backend',
  auth: 'auth',
  result: 'responses',
  errorCodes: 'responses',
};

/** The tab for a path relative to the API (`['request', 'path']` → request). */
export function tabOfField(relative: FieldPath): ApiTabId {
  return TAB_OF_FIELD[String(relative[0])] ?? 'basics';
}
