/** The API list's filters, kept while the person opens an API and comes back. */
import { create } from 'zustand';
import type { ApiFilters } from './api-index';
import { NO_FILTERS } from './api-index';

export const useApiFilters = create<{ filters: ApiFilters; setFilter<K extends keyof ApiFilters>(key: K, value: ApiFilters[K]): void; clear(): void }>()((set) => ({
  filters: NO_FILTERS,
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  clear: () => set({ filters: NO_FILTERS }),
}));
