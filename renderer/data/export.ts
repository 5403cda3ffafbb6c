/** Export of a group's APIs as an OpenAPI 3.0 document, produced by the host. */
import type { Stage } from '../../shared/model/schema';
import { host } from './host';
import { toHostError } from './host-error';

export interface ExportedDocument {
  text: string;
  fileName: string;
}

/** The APIs a stage serves (or the working copies when `stage` is absent) as OpenAPI. */
export async function exportOpenApi(group: string, stage: Stage | undefined, format: 'yaml' | 'json'): Promise<ExportedDocument> {
  try {
    return await host().export.openapi({ group, stage, format });
  } catch (error) {
    throw toHostError(error);
  }
}
