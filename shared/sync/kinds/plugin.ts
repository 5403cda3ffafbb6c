/** Plug-ins, IP control and CORS (docs/alibaba-openapi.md "Plug-ins"); an IP-control item names its app by id, so apps come first. */
import type { Plugin } from '../../model/schema';
import { canonicalPlugin, cloudPlugin } from '../canonical';
import { pluginToParams } from '../cloud-mapping';
import { text } from '../cloud-values';
import type { SyncKind } from './kind';

export const pluginKind: SyncKind<'plugin', Plugin> = {
  kind: 'plugin',
  noun: 'plug-in',
  cloudNoun: 'plug-in',
  needs: ['app'],
  design: (project) => project.plugins,
  name: (plugin) => plugin.name,
  ref: (key) => ({ plugin: key }),
  ids: 'plugins',
  snapshot: 'plugins',
  cloud: {
    list: { action: 'DescribePlugins', path: 'Plugins.PluginAttribute', idField: 'PluginId', nameField: 'PluginName', nameFilter: 'PluginName', pageSize: 100 },
    create: { action: 'CreatePlugin', idField: 'PluginId' },
    modify: 'ModifyPlugin',
    delete: 'DeletePlugin',
    idParam: 'PluginId',
    notFound: ['NotFoundPlugin'],
  },
  toParams: pluginToParams,
  // ModifyPlugin takes no PluginType: the cloud cannot change a plug-in's type.
  modifyParams: (plugin, apps) => {
    const { PluginType: _type, ...params } = pluginToParams(plugin, apps);
    return params;
  },
  designFields: canonicalPlugin,
  cloudFields: (item, plugin, apps) => {
    const read = cloudPlugin(item, apps);
    if (!read.plugin) return { blocked: `the cloud's plug-in ${text(item, 'PluginName') ?? ''} cannot be read: ${read.unsupported}` };
    if (read.plugin.type !== plugin.type) {
      return { blocked: `plug-in ${plugin.name} is of type ${read.plugin.type} in the cloud and ${plugin.type} in the design; the cloud cannot change a plug-in's type, so give the design's a new name` };
    }
    return { fields: read.plugin };
  },
  adoptRefusal: (plugin, id) => `the cloud's plug-in of that name (${id}) is not the ${plugin.type} plug-in of the design, so it is not the one sync made; rename one of them, then run plan again`,
};
