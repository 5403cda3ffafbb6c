/** Pure project edits for plug-ins (IP access control and CORS). */
import type { Plugin, Project } from '../../../shared/model/schema';

export { renamePlugin } from '../../../shared/model/rename';

export const PLUGIN_TYPE_LABEL: Record<Plugin['type'], string> = { ipControl: 'IP access control', cors: 'CORS' };

export function updatePlugin(project: Project, name: string, change: (p: Plugin) => Plugin): Project {
  return { ...project, plugins: project.plugins.map((p) => (p.name === name ? change(p) : p)) };
}

export function removePlugin(project: Project, name: string): Project {
  return { ...project, plugins: project.plugins.filter((p) => p.name !== name) };
}

/** A new plug-in with the cloud console's CORS defaults, or an ALLOW list of the local machine only. */
export function newPlugin(type: Plugin['type'], name: string): Plugin {
  if (type === 'cors') {
    return {
      name,
      type,
      bindings: [],
      cors: {
        allowOrigins: ['*'],
        allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
        allowHeaders: [],
        exposeHeaders: [],
        allowCredentials: false,
        maxAge: 172800,
      },
    };
  }
  return { name, type, bindings: [], ipControl: { type: 'ALLOW', items: [{ blocks: ['127.0.0.1'] }] } };
}
