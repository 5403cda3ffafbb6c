/**
 * Light and dark themes for a dense console, following the system unless Settings overrides it
 * (kept in localStorage, so it survives reloads and needs no host call).
 */
import { useMemo } from 'react';
import { createTheme } from '@mui/material/styles';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { create } from 'zustand';

export type ThemePreference = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'agw.theme';

function storedPreference(): ThemePreference {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system'; // storage may be disabled; the system setting still applies
  }
}

export const useThemePreference = create<{ preference: ThemePreference; setPreference(p: ThemePreference): void }>()((set) => ({
  preference: storedPreference(),
  setPreference(preference) {
    try {
      if (preference === 'system') window.localStorage.removeItem(STORAGE_KEY);
      else window.localStorage.setItem(STORAGE_KEY, preference);
    } catch {
      // Not persisted, but applied for this session.
    }
    set({ preference });
  },
}));

/** The mode in effect: the preference, or the system's when the preference is 'system'. */
export function usePaletteMode(): 'light' | 'dark' {
  const preference = useThemePreference((s) => s.preference);
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  return preference === 'system' ? (systemDark ? 'dark' : 'light') : preference;
}

export function useAppTheme(): Theme {
  const mode = usePaletteMode();
  return useMemo(() => createAppTheme(mode), [mode]);
}

export function createAppTheme(mode: 'light' | 'dark'): Theme {
  const dark = mode === 'dark';
  return createTheme({
    palette: {
      mode,
      primary: { main: dark ? '#6ea8fe' : '#1f5fbf' },
      secondary: { main: dark ? '#c49bff' : '#6f42c1' },
      background: dark ? { default: '#15171a', paper: '#1c1f23' } : { default: '#f5f6f8', paper: '#ffffff' },
      divider: dark ? 'rgba(255,255,255,0.12)' : 'rgba(0,0,0,0.12)',
    },
    shape: { borderRadius: 6 },
    typography: {
      fontSize: 13,
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      h1: { fontSize: '1.35rem', fontWeight: 600 },
      h2: { fontSize: '1.1rem', fontWeight: 600 },
      h3: { fontSize: '0.95rem', fontWeight: 600 },
      button: { textTransform: 'none', fontWeight: 500 },
    },
    components: {
      MuiButton: { defaultProps: { size: 'small', disableElevation: true } },
      MuiIconButton: { defaultProps: { size: 'small' } },
      MuiTextField: { defaultProps: { size: 'small' } },
      MuiSelect: { defaultProps: { size: 'small' } },
      MuiFormControl: { defaultProps: { size: 'small' } },
      MuiTable: { defaultProps: { size: 'small' } },
      MuiChip: { defaultProps: { size: 'small' } },
      MuiTooltip: { defaultProps: { arrow: true } },
      MuiTab: { styleOverrides: { root: { minHeight: 40, paddingTop: 6, paddingBottom: 6 } } },
      MuiTabs: { styleOverrides: { root: { minHeight: 40 } } },
      MuiCssBaseline: {
        styleOverrides: {
          'html, body, #root': { height: '100%' },
          body: { overflow: 'hidden' },
          code: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.92em' },
        },
      },
    },
  });
}

/** Monospace text for paths, methods and code. */
export const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';
