/** A column: a person (with their load in changed lines), Unassigned, a state, or a swimlane's cell (a person's cards in one state). */
import { useDroppable } from '@dnd-kit/core';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSprint } from '../../store';
import { parseLaneKey, selectBoardLayout, selectLoad, stateOfSlug, UNASSIGNED } from '../../store/selectors';
import type { BoardMode } from '../../store/types';
import { describeWip, inProgressOf } from '../../../../shared/team/load';
import { ColumnLimit } from './ColumnLimit';
import { ColorDot } from '../common/ColorDot';
import { formatCount, plural } from '../common/format';
import { ColumnCards } from './ColumnCards';
import { columnDropId } from './boardDnd';

const NONE: string[] = [];

/** The column's title: the state, "Unassigned", the person's name, or in swimlanes both ("Ada, In progress"). */
export function columnTitle(mode: BoardMode, columnKey: string, personName: string | undefined): string {
  const cell = parseLaneKey(columnKey);
  if (cell) return `${cell.person === UNASSIGNED ? 'Unassigned' : (personName ?? cell.person)}, ${cell.state}`;
  if (mode === 'state') return stateOfSlug(columnKey) ?? columnKey;
  return columnKey === UNASSIGNED ? 'Unassigned' : (personName ?? columnKey);
}

function useColumnTitle(columnKey: string): string {
  const mode = useSprint((s) => s.boardMode);
  const personName = useSprint((s) => s.plan.people[parseLaneKey(columnKey)?.person ?? columnKey]?.name);
  return columnTitle(mode, columnKey, personName);
}

/** Cards In progress against the person's work-in-progress limit, with the board's warning above it. */
function WipLine({ personId, name }: { personId: string; name: string }) {
  const [count, limit] = useSprint(useShallow((s) => {
    const wip = inProgressOf(s.plan, personId);
    return [wip.count, wip.limit] as const;
  }));
  const warning = describeWip(name, count, limit);
  if (limit === null && count === 0) return null;
  return (
    <p className={`column-wip${warning ? ' column-wip-over' : ''}`} data-testid={`wip-${personId}`} role={warning ? 'status' : undefined} title={warning ?? undefined}>
      {formatCount(count)} in progress{limit === null ? '' : ` of at most ${formatCount(limit)}`}
      {warning && <span className="visually-hidden">: {warning}</span>}
    </p>
  );
}

function ColumnHeader({ columnKey, count }: { columnKey: string; count: number }) {
  const mode = useSprint((s) => s.boardMode);
  const state = stateOfSlug(columnKey);
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
          {plural(load, 'changed line')}
        </p>
      )}
      {mode === 'person' && columnKey !== UNASSIGNED && <WipLine personId={columnKey} name={title} />}
      {mode === 'state' && state && <ColumnLimit state={state} />}
    </header>
  );
}

export const BoardColumn = memo(function BoardColumn({ columnKey, onBlock }: { columnKey: string; onBlock: (id: string) => void }) {
  const ids = useSprint(useShallow((s) => selectBoardLayout(s).cards[columnKey] ?? NONE));
  const title = useColumnTitle(columnKey);
  const mode = useSprint((s) => s.boardMode);
  const showState = mode === 'person';
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(columnKey) });
  return (
    <section ref={setNodeRef} className={`column${isOver ? ' column-over' : ''}${ids.length === 0 ? ' column-is-empty' : ''}`} data-testid={`column-${columnKey}`} aria-label={title}>
      {mode === 'lanes' ? <h3 className="visually-hidden">{title}</h3> : <ColumnHeader columnKey={columnKey} count={ids.length} />}
      <ColumnCards ids={ids} showState={showState} onBlock={onBlock} scrolls={mode !== 'lanes'} empty={mode === 'lanes' ? 'None' : 'Drop cards here'} />
    </section>
  );
});
