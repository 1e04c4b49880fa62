/** The board: columns by person or by state, or swimlanes (person × state); cards move by pointer or keyboard. */
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { sprintStore, useSprint } from '../../store';
import { selectBoardLayout } from '../../store/selectors';
import { BlockDialog } from './BlockDialog';
import { BoardColumn, columnTitle } from './BoardColumn';
import { BoardEmpty } from './BoardEmpty';
import { BoardLanes } from './BoardLanes';
import { useScrollCue } from './useScrollCue';
import { BoardToolbar } from './BoardToolbar';
import { OverlayCard } from './CardBody';
import { boardAnnouncements, boardCollisions, columnKeyboardCoordinates, KEYBOARD_HELP, KEYBOARD_HELP_ID, screenReaderInstructions } from './boardDnd';
import { dropCard, markFirstRender } from './boardActions';
import { ActivityFeed } from '../activity/ActivityFeed';
import { TeamDialogs } from './TeamDialogs';
import '../burndown/team.css';
import { CardPane } from '../card/CardPane';
import { BulkBar } from '../card/BulkBar';
import { CommandPalette } from '../card/CommandPalette';
import { ShortcutsHelp } from '../card/ShortcutsHelp';
import { liftEnded, liftStarted } from '../card/cardKeys';
import { useBoardKeys } from '../card/useBoardKeys';
import { useMe } from '../card/useMe';
import '../card/card.css';

// Enter opens a card's pane; Space alone picks a card up (and Space or Enter drops it).
const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] };

/** Who "mine" is, watched apart from the board so that plan changes do not re-render the whole view. */
function MeWatcher() {
  useMe();
  return null;
}

export function BoardView() {
  const columnKeys = useSprint(useShallow((s) => selectBoardLayout(s).columns.map((c) => c.key)));
  const cardCount = useSprint((s) => s.plan.subsystemOrder.length);
  const ready = useSprint((s) => s.repo !== null && s.plan.sprint !== null);
  const showActivity = useSprint((s) => s.boardActivity);
  const mode = useSprint((s) => s.boardMode);
  const scroller = useRef<HTMLDivElement>(null);
  const columnWidth = useCallback(() => scroller.current?.querySelector('.column')?.getBoundingClientRect().width ?? 280, []);
  // The scroller exists only once the board is shown (not while it is empty or loading).
  const cue = useScrollCue(scroller, columnWidth, ready && cardCount > 0);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [blocking, setBlocking] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates, keyboardCodes: KEYBOARD_CODES }),
  );
  const announcements = useMemo(
    () =>
      boardAnnouncements(
        (id) => sprintStore.getState().plan.subsystems[String(id)]?.name ?? String(id),
        (key) => {
          const s = sprintStore.getState();
          return columnTitle(s.boardMode, key, s.plan.people[key]?.name);
        },
      ),
    [],
  );
  const onDragStart = useCallback((e: DragStartEvent) => {
    liftStarted();
    setActiveId(String(e.active.id));
  }, []);
  const onDragEnd = useCallback((e: DragEndEvent) => {
    liftEnded();
    setActiveId(null);
    dropCard(String(e.active.id), e.over?.id ?? null);
  }, []);
  const onDragCancel = useCallback(() => {
    liftEnded();
    setActiveId(null);
  }, []);
  useBoardKeys();

  useLayoutEffect(() => {
    if (cardCount > 0) markFirstRender();
  }, [cardCount]);

  // The cards' drift badges are kept fresh while the board shows (one request per plan head or repository change).
  useEffect(() => sprintStore.getState().watchRenameDrift(), []);
  // Each card's branch and the Done cards' verdicts, the same way.
  useEffect(() => sprintStore.getState().watchTeamStatus(), []);
  useEffect(() => sprintStore.getState().watchPickup(), []);

  if (!ready || cardCount === 0) return <BoardEmpty />;
  return (
    <div className="board-view">
      <BoardToolbar />
      <MeWatcher />
      <div className="board-help-row">
        <p className="board-help" id={KEYBOARD_HELP_ID} data-testid="keyboard-help">
          {KEYBOARD_HELP}
        </p>
        {cue.left && (
          <button type="button" className="board-cue" data-testid="scroll-cue-left" onClick={() => scroller.current?.scrollBy({ left: -scroller.current.clientWidth * 0.8, behavior: 'smooth' })}>
            ← Back
          </button>
        )}
        {cue.right && (
          <button type="button" className="board-cue" data-testid="scroll-cue" onClick={() => scroller.current?.scrollBy({ left: scroller.current.clientWidth * 0.8, behavior: 'smooth' })}>
            {cue.hiddenRight === 1 ? 'One more column' : `${cue.hiddenRight} more columns`} →
          </button>
        )}
      </div>
      <BulkBar />
      <div className="board-area">
        <DndContext
          sensors={sensors}
          collisionDetection={boardCollisions}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={onDragCancel}
          accessibility={{ announcements, screenReaderInstructions }}
        >
          <div className={`board-scroll${cue.left ? ' board-more-left' : ''}${cue.right ? ' board-more-right' : ''}`}>
            <div className={mode === 'lanes' ? 'board board-lanes' : 'board'} data-testid="board" ref={scroller}>
              {mode === 'lanes' ? <BoardLanes onBlock={setBlocking} /> : columnKeys.map((key) => <BoardColumn key={key} columnKey={key} onBlock={setBlocking} />)}
            </div>
          </div>
          <DragOverlay dropAnimation={null}>
            {activeId ? <OverlayCard id={activeId} /> : null}
          </DragOverlay>
        </DndContext>
        <CardPane onBlock={setBlocking} />
        {showActivity && (
          <aside className="board-activity" aria-label="Recent activity">
            <h2 className="panel-title">Recent activity</h2>
            <ActivityFeed limit={15} />
          </aside>
        )}
      </div>
      <BlockDialog id={blocking} onClose={() => setBlocking(null)} />
      <TeamDialogs />
      <CommandPalette onBlock={setBlocking} />
      <ShortcutsHelp />
    </div>
  );
}
