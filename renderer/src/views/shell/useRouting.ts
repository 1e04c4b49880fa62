/** Keeps the store's view and board mode in step with the address's hash, both ways. */
import { useEffect } from 'react';
import { sprintStore, useSprint } from '../../store';
import { formatHash, parseHash } from './routing';
import { formatBoardQuery, parseBoardQuery } from './boardQuery';

export function useRouting(): void {
  const view = useSprint((s) => s.view);
  const mode = useSprint((s) => s.boardMode);
  const booting = useSprint((s) => s.booting);
  const filter = useSprint((s) => s.boardFilter);

  useEffect(() => {
    const apply = () => {
      const route = parseHash(window.location.hash);
      if (!route) return;
      const st = sprintStore.getState();
      st.setView(route.view);
      if (route.mode) st.setBoardMode(route.mode);
      if (route.view === 'board') st.setBoardFilter(parseBoardQuery(window.location.hash));
    };
    apply();
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, []);

  // Without a hash, the first view is the board when a sprint exists, else the setup.
  useEffect(() => {
    if (booting || parseHash(window.location.hash)) return;
    const st = sprintStore.getState();
    st.setView(st.repo && st.plan.sprint ? 'board' : 'setup');
  }, [booting]);

  useEffect(() => {
    if (booting) return;
    const hash = formatHash(view, mode) + (view === 'board' ? formatBoardQuery(filter) : '');
    if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
  }, [view, mode, filter, booting]);
}
