/** The window: header with tabs and undo/redo, the notices, and the current view. */
import { lazy, Suspense, useEffect } from 'react';
import { actorChoice } from '../../api';
import { sprintStore, useSprint } from '../../store';
import { BoardView } from '../board/BoardView';
import { SetupView } from '../setup/SetupView';

// The board and the setup are first views; the others load when first opened, which keeps the
// code parsed before the board's first render small.
const BurndownView = lazy(() => import('../burndown/BurndownView').then((m) => ({ default: m.BurndownView })));
const ActivityView = lazy(() => import('../activity/ActivityView').then((m) => ({ default: m.ActivityView })));
const InventoryView = lazy(() => import('../inventory/InventoryView').then((m) => ({ default: m.InventoryView })));
const PeopleView = lazy(() => import('../people/PeopleView').then((m) => ({ default: m.PeopleView })));
const KeepCurrentView = lazy(() => import('../keep-current/KeepCurrentView').then((m) => ({ default: m.KeepCurrentView })));
const RenameView = lazy(() => import('../rename/RenameView').then((m) => ({ default: m.RenameView })));
const SeriesView = lazy(() => import('../series/SeriesView').then((m) => ({ default: m.SeriesView })));
const SubsystemsView = lazy(() => import('../subsystems/SubsystemsView').then((m) => ({ default: m.SubsystemsView })));
import { Header } from './Header';
import { Notices } from './Notices';
import { useRouting } from './useRouting';
import { useShortcuts } from './useShortcuts';

const LARGE_KEY = 'merge-sprint-large-board';
const WIDE_SCREEN = 1600;

function CurrentView() {
  const view = useSprint((s) => s.view);
  switch (view) {
    case 'setup':
      return <SetupView />;
    case 'inventory':
      return <InventoryView />;
    case 'subsystems':
      return <SubsystemsView />;
    case 'people':
      return <PeopleView />;
    case 'board':
      return <BoardView />;
    case 'activity':
      return <ActivityView />;
    case 'burndown':
      return <BurndownView />;
    case 'rename':
      return <RenameView />;
    case 'keep-current':
      return <KeepCurrentView />;
    case 'series':
      return <SeriesView />;
  }
}

export function App() {
  const booting = useSprint((s) => s.booting);
  const large = useSprint((s) => s.largeBoard);
  useRouting();
  useShortcuts();
  // Projector size is a property of the screen, so it is remembered per browser.
  useEffect(() => {
    const st = sprintStore.getState();
    if (window.localStorage.getItem(LARGE_KEY) === '1') st.setLargeBoard(true);
    // On a laptop screen the columns need the width more than the activity panel does.
    if (window.innerWidth < WIDE_SCREEN) st.setBoardActivity(false);
  }, []);
  // Undo and redo are the acting person's own: another "I am" brings their history from the log.
  useEffect(() => {
    let who = '';
    return actorChoice.subscribe(() => {
      const actor = actorChoice.get()?.actor;
      const next = actor ? `${actor.name}\n${actor.email}` : '';
      if (next === who) return;
      who = next;
      if (next && !sprintStore.getState().booting) void sprintStore.getState().loadHistory();
    });
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('large', large);
    window.localStorage.setItem(LARGE_KEY, large ? '1' : '0');
  }, [large]);

  return (
    <div className="app">
      <Header />
      <Notices />
      <main className="app-main" id="main">
        {booting ? (
          <p className="app-loading" role="status">
            Opening the sprint…
          </p>
        ) : (
          <Suspense fallback={<p className="app-loading">Loading…</p>}>
            <CurrentView />
          </Suspense>
        )}
      </main>
    </div>
  );
}
