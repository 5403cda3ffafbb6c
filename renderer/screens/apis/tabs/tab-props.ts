import type { FieldPath } from '../../../../shared/model/problems';
import type { Api } from '../../../../shared/model/schema';
import type { EditApi } from '../use-api';

/** What every tab of the API editor receives. */
export interface TabProps {
  api: Api;
  /** Path of the API in the project (`['apis', i]`). */
  at: FieldPath;
  editApi: EditApi;
}
