/** The window: header with tabs and undo/redo, the notices, and the current view. */
import { useEffect } from 'react';
import { sprintStore, useSprint } from '../../store';
import { ActivityView } from '../activity/ActivityView';
import { BoardView } from '../board/BoardView';
import { InventoryView } from '../inventory/InventoryView';
import { PeopleView } from '../people/PeopleView';
import { RenameView } from '../rename/RenameView';
import { SeriesView } from '../series/SeriesView';
import { SetupView } from '../setup/SetupView';
import { SubsystemsView } from '../subsystems/SubsystemsView';
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
    case 'rename':
      return <RenameView />;
    case 'series':
      return <SeriesView />;
  }
}

export function App() {
  const booting = useSprint((s) => s.booting);
  const large = useSprint((s) => s.largeBoard);
  useRouting();
  useShortcuts();
  useEffect(() => {
    void sprintStore.getState().boot();
  }, []);
  // Projector size is a property of the screen, so it is remembered per browser.
  useEffect(() => {
    const st = sprintStore.getState();
    if (window.localStorage.getItem(LARGE_KEY) === '1') st.setLargeBoard(true);
    // On a laptop screen the columns need the width more than the activity panel does.
    if (window.innerWidth < WIDE_SCREEN) st.setBoardActivity(false);
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
        {booting ? <p className="app-loading" role="status">Opening the sprint…</p> : <CurrentView />}
      </main>
    </div>
  );
}
