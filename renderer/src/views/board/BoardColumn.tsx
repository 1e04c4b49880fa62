/** A column: a person (with their load in changed lines), Unassigned, or a state. */
import { useDroppable } from '@dnd-kit/core';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSprint } from '../../store';
import { selectBoardLayout, selectLoad, stateOfSlug, UNASSIGNED } from '../../store/selectors';
import { ColorDot } from '../common/ColorDot';
import { formatCount, plural } from '../common/format';
import { BoardCard } from './BoardCard';
import { columnDropId } from './boardDnd';

const NONE: string[] = [];

/** The column's title: the state, "Unassigned", or the person's name. */
export function columnTitle(mode: 'person' | 'state', columnKey: string, personName: string | undefined): string {
  if (mode === 'state') return stateOfSlug(columnKey) ?? columnKey;
  return columnKey === UNASSIGNED ? 'Unassigned' : (personName ?? columnKey);
}

function useColumnTitle(columnKey: string): string {
  const mode = useSprint((s) => s.boardMode);
  const personName = useSprint((s) => s.plan.people[columnKey]?.name);
  return columnTitle(mode, columnKey, personName);
}

function ColumnHeader({ columnKey, count }: { columnKey: string; count: number }) {
  const mode = useSprint((s) => s.boardMode);
  const color = useSprint((s) => s.plan.people[columnKey]?.color ?? null);
  const load = useSprint((s) => selectLoad(s, columnKey));
  const title = useColumnTitle(columnKey);
  return (
    <header className="column-header">
      <h2 className="column-title">
        {mode === 'person' && columnKey !== UNASSIGNED && <ColorDot color={color} />}
        <span>{title}</span>
        <span className="column-count" aria-label={plural(count, 'card')}>
          {formatCount(count)}
        </span>
      </h2>
      {mode === 'person' && (
        <p className="column-load" data-testid={`load-${columnKey}`} title="Changed lines (added + removed) of this column's subsystems">
          {formatCount(load)} changed lines
        </p>
      )}
    </header>
  );
}

export const BoardColumn = memo(function BoardColumn({ columnKey, onBlock }: { columnKey: string; onBlock: (id: string) => void }) {
  const ids = useSprint(useShallow((s) => selectBoardLayout(s).cards[columnKey] ?? NONE));
  const title = useColumnTitle(columnKey);
  const showState = useSprint((s) => s.boardMode === 'person');
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(columnKey) });
  return (
    <section ref={setNodeRef} className={`column${isOver ? ' column-over' : ''}`} data-testid={`column-${columnKey}`} aria-label={title}>
      <ColumnHeader columnKey={columnKey} count={ids.length} />
      <ol className="column-cards">
        {ids.map((id) => (
          <BoardCard key={id} id={id} showState={showState} onBlock={onBlock} />
        ))}
        {ids.length === 0 && <li className="column-empty">Drop cards here</li>}
      </ol>
    </section>
  );
});
