/** What the search dialog finds: groups, APIs (by name, path or method) and apps of the design. */
import type { Project } from '../../shared/model/schema';
import type { AreaId, Selection } from '../data/ui-store';

export interface SearchItem {
  kind: 'Group' | 'API' | 'App';
  label: string;
  detail: string;
  area: AreaId;
  selection: Selection;
  /** Lower-case text matched against the query. */
  text: string;
}

const indexes = new WeakMap<Project, SearchItem[]>();

export function searchItems(project: Project): SearchItem[] {
  let items = indexes.get(project);
  if (items) return items;
  items = [];
  for (const group of project.groups) {
    items.push({ kind: 'Group', label: group.name, detail: group.description ?? `base path ${group.basePath}`, area: 'groups', selection: { kind: 'group', group: group.name }, text: group.name.toLowerCase() });
  }
  for (const api of project.apis) {
    const detail = `${api.request.method} ${api.request.path} · ${api.group}`;
    items.push({
      kind: 'API',
      label: api.name,
      detail,
      area: 'apis',
      selection: { kind: 'api', group: api.group, api: api.name },
      text: `${api.name} ${api.request.method} ${api.request.path}`.toLowerCase(),
    });
  }
  for (const app of project.apps) {
    items.push({ kind: 'App', label: app.name, detail: app.description ?? 'app', area: 'apps', selection: { kind: 'app', name: app.name }, text: app.name.toLowerCase() });
  }
  indexes.set(project, items);
  return items;
}

/**
 * Items whose text holds every word of the query, best first: a name that starts with the query,
 * then a name that holds it, then the rest (method or path matches).
 */
export function search(project: Project, query: string, limit = 50): SearchItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const q = query.trim().toLowerCase();
  const scored: { item: SearchItem; score: number }[] = [];
  for (const item of searchItems(project)) {
    if (!words.every((w) => item.text.includes(w))) continue;
    const name = item.label.toLowerCase();
    const score = name === q ? 0 : name.startsWith(q) ? 1 : name.includes(q) ? 2 : 3;
    scored.push({ item, score });
  }
  scored.sort((a, b) => a.score - b.score || a.item.label.localeCompare(b.item.label));
  return scored.slice(0, limit).map((s) => s.item);
}
