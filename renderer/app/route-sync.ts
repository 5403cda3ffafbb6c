/**
 * Keeps the address and the screen together: each move to another area or selected thing adds a
 * history entry (`#/…`), so Back and Forward move between screens inside the app and a reload
 * opens the same screen; an address changed by Back, Forward or by hand shows its screen.
 */
import { useEffect } from 'react';
import { type Route, hashOf, routeOf, sameRoute } from '../data/routes';
import { useUiStore } from '../data/ui-store';

const routeOfStore = (): Route => {
  const { area, selection } = useUiStore.getState();
  return { area, selection };
};

export function useRouteSync(): void {
  useEffect(() => {
    // The first address names no screen (`/`, or the launch URL whose token the transport took):
    // write the screen's own, without a new entry.
    if (!routeOf(window.location.hash)) replaceAddress(hashOf(routeOfStore()));

    const showAddress = () => {
      const route = routeOf(window.location.hash);
      if (!route) return replaceAddress(hashOf(routeOfStore()));
      if (!sameRoute(route, routeOfStore())) useUiStore.setState({ area: route.area, selection: route.selection });
    };
    const offStore = useUiStore.subscribe((state, previous) => {
      if (state.area === previous.area && state.selection === previous.selection) return;
      const hash = hashOf({ area: state.area, selection: state.selection });
      if (hash !== window.location.hash) window.history.pushState(window.history.state, '', hash);
    });
    window.addEventListener('popstate', showAddress);
    window.addEventListener('hashchange', showAddress);
    return () => {
      offStore();
      window.removeEventListener('popstate', showAddress);
      window.removeEventListener('hashchange', showAddress);
    };
  }, []);
}

function replaceAddress(hash: string): void {
  if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
}
