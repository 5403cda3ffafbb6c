/** Apps (docs/alibaba-openapi.md "Apps and authorizations"): callers; policies and plug-ins name them by id. */
import type { App } from '../../model/schema';
import { canonicalApp } from '../canonical';
import { appFromCloud, appToParams } from '../cloud-mapping';
import type { SyncKind } from './kind';

export const appKind: SyncKind<'app', App> = {
  kind: 'app',
  noun: 'app',
  cloudNoun: 'app',
  needs: [],
  design: (project) => project.apps,
  name: (app) => app.name,
  ref: (key) => ({ app: key }),
  ids: 'apps',
  snapshot: 'apps',
  cloud: {
    list: { action: 'DescribeAppAttributes', path: 'Apps.AppAttribute', idField: 'AppId', nameField: 'AppName', nameFilter: 'AppName', pageSize: 100 },
    create: { action: 'CreateApp', idField: 'AppId' },
    modify: 'ModifyApp',
    delete: 'DeleteApp',
    idParam: 'AppId',
    notFound: ['NotFoundApp'],
  },
  toParams: appToParams,
  designFields: canonicalApp,
  cloudFields: (item) => ({ fields: appFromCloud(item) }),
};
