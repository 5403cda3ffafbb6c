/** The API an editor shows, found by its key in the working copy, and a way to edit it. */
import { useCallback } from 'react';
import type { FieldPath } from '../../../shared/model/problems';
import type { Api } from '../../../shared/model/schema';
import type { ApiKey } from '../../../shared/model/stages';
import { fieldId } from '../../data/fields';
import { useProjectStore } from '../../data/project-store';
import { sameApi, updateApi } from './api-edits';

export type EditApi = (label: string, change: (api: Api) => Api, mergePath?: FieldPath) => void;

export interface ApiInEditor {
  api: Api | undefined;
  /** Index in project.apis: the start of every field path of this API. */
  index: number;
  at: FieldPath;
  editApi: EditApi;
}

export function useApi(ref: ApiKey): ApiInEditor {
  const api = useProjectStore((s) => s.working?.apis.find((a) => sameApi(a, ref)));
  const index = useProjectStore((s) => s.working?.apis.findIndex((a) => sameApi(a, ref)) ?? -1);
  const edit = useProjectStore((s) => s.edit);
  const { group, api: name } = ref;
  const editApi = useCallback<EditApi>(
    (label, change, mergePath) => edit(label, (p) => updateApi(p, { group, api: name }, change), mergePath ? { merge: fieldId(mergePath) } : undefined),
    [edit, group, name],
  );
  return { api, index, at: ['apis', index], editApi };
}
