/**
 * What the debugger needs to call an API in the cloud in force: the address its group answers at,
 * and an app's keys to sign with (read from the cloud, never sent to the UI).
 */
import { HostError } from '../base/host-error';
import type { CloudConnection } from './cloud-connection';
import type { CloudStages } from './cloud-stages';
import type { OpenProject } from './open-project';

export class CloudCallTarget {
  constructor(private readonly parts: { connection: CloudConnection; project: OpenProject; stages: CloudStages }) {}

  /** Where the debugger sends a call to a group in the cloud in force. */
  async address(group: string | undefined): Promise<{ baseUrl: string; host?: string; basePath: string }> {
    if (group === undefined) throw new HostError('BAD_REQUEST', 'Choose the API to call: its group names the address in the cloud.');
    const view = await this.parts.stages.view();
    const address = view.groups.find((candidate) => candidate.name === group);
    const first = address?.stages[0];
    if (!address?.synced || !first) throw new HostError('NOT_FOUND', `Group ${group} is not in the cloud (${view.profileKey}) yet: plan and apply on the Cloud screen first.`);
    if (!first.callUrl) throw new HostError('NOT_FOUND', `Group ${group} has no address in the cloud yet (no second-level domain); bind a domain to it, or call it with Custom URL.`);
    return { baseUrl: first.callUrl, host: first.hostHeader, basePath: address.basePath };
  }

  /** An app's keys as the cloud in force holds them (DescribeAppSecurity), for the debugger to sign with; never sent to the UI. */
  async appCredentials(app: string): Promise<{ appKey: string; appSecret: string; appCode?: string }> {
    const { connection, project } = this.parts;
    return connection.withSession(async (session) => {
      const appId = project.require().cloud[session.view.profileKey]?.apps[app];
      if (!appId) throw new HostError('NOT_FOUND', `App ${app} is not in the cloud (${session.view.profileKey}) yet: plan and apply on the Cloud screen first.`);
      const answer = await session.client.call<{ AppKey?: string; AppSecret?: string; AppCode?: string }>('CloudAPI', 'DescribeAppSecurity', { AppId: appId });
      if (!answer.AppKey || !answer.AppSecret) throw new HostError('NOT_FOUND', `The cloud gave no AppKey for app ${app}.`);
      return { appKey: answer.AppKey, appSecret: answer.AppSecret, ...(answer.AppCode ? { appCode: answer.AppCode } : {}) };
    });
  }
}
