/**
 * How the board is shown (the activity panel, projector size): two buttons in a wide window;
 * in a narrow one a "View" menu with the same two toggles, so the toolbar keeps one row at
 * 1024 pixels however long its card count grows, and nothing is cut off at its end.
 */
import { useSyncExternalStore } from 'react';
import { useMenu } from '../common/useMenu';
import { useSprint } from '../../store';

/** Below this window width the toolbar takes its short form (board.css has the same width). */
const NARROW = '(max-width: 1279px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export const useNarrowToolbar = (): boolean => useSyncExternalStore(subscribe, () => window.matchMedia(NARROW).matches);

function Toggles({ inMenu, done }: { inMenu: boolean; done?: () => void }) {
  const large = useSprint((s) => s.largeBoard);
  const activity = useSprint((s) => s.boardActivity);
  const setActivity = useSprint((s) => s.setBoardActivity);
  const setLarge = useSprint((s) => s.setLargeBoard);
  const cls = inMenu ? 'tab-menu-item' : 'btn';
  return (
    <>
      <button type="button" className={cls} aria-pressed={activity} onClick={() => {
          setActivity(!activity);
          done?.();
        }} data-testid="toggle-activity">
        {inMenu ? `${activity ? 'Hide' : 'Show'} the activity` : 'Activity'}
      </button>
      <button type="button" className={cls} aria-pressed={large} onClick={() => {
          setLarge(!large);
          done?.();
        }} data-testid="large-board" title="Bigger text and cards for a projector">
        {large ? 'Normal size' : 'Projector'}
      </button>
    </>
  );
}

export function BoardViewMenu() {
  const narrow = useNarrowToolbar();
  const { open, setOpen, box, onKeyDown } = useMenu();
  if (!narrow) return <Toggles inMenu={false} />;
  return (
    <div className="tab-more board-view-menu" ref={box} onKeyDown={onKeyDown}>
      <button type="button" className="btn" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="board-view-menu" title="The activity panel and projector size">
        View <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="tab-menu" role="group" aria-label="View">
          <Toggles inMenu done={() => setOpen(false)} />
        </div>
      )}
    </div>
  );
}
