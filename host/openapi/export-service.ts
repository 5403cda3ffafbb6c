/**
 * `agw:export.openapi`: an OpenAPI 3.0.3 document of the APIs a group serves in a stage (its
 * deployed snapshots), or of their working copies when no stage is given, as YAML or JSON.
 */
import { stringify } from 'yaml';
import type { Project, Stage } from '../../shared/model/schema';
import { servedRecord } from '../../shared/model/stages';
import { HostError } from '../base/host-error';
import { openApiDocument } from './openapi-export';

export interface ExportServiceOptions {
  currentProject: () => Project | undefined;
}

export interface ExportRequest {
  group: string;
  stage?: Stage;
  format: 'yaml' | 'json';
}

export class ExportService {
  constructor(private readonly options: ExportServiceOptions) {}

  async openApi(request: ExportRequest): Promise<{ text: string; fileName: string }> {
    const project = this.options.currentProject();
    if (!project) throw new HostError('NO_PROJECT', 'Nothing to export: the project file failed to load. Fix its problems first.');
    const group = project.groups.find((g) => g.name === request.group);
    if (!group) throw new HostError('NOT_FOUND', `Nothing to export: the project has no group \`${request.group}\`.`);
    const apis = request.stage
      ? project.deployments
          .filter((d) => d.group === group.name && d.stage === request.stage)
          .flatMap((d) => servedRecord(d)?.definition ?? [])
      : project.apis.filter((api) => api.group === group.name);
    const document = openApiDocument(group, apis, request.stage ?? 'working copy');
    const text = request.format === 'json' ? `${JSON.stringify(document, null, 2)}\n` : stringify(document, { lineWidth: 0 });
    const fileName = `${safeFileName(group.name)}${request.stage ? `-${request.stage}` : ''}.openapi.${request.format}`;
    return { text, fileName };
  }
}

/** Group names may hold Chinese characters and `-`; anything a file system might refuse becomes `_`. */
function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]/g, '_');
}
