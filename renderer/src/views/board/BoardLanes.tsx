/**
 * Swimlanes: one row per person (Unassigned first), one column per state. Each cell is a drop
 * target, so a drag can hand a card over and move it on in one gesture. The state headers carry
 * the columns' limits; the lane headers carry each person's load and limit.
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CARD_STATES } from '../../../../shared/model';
import { useSprint } from '../../store';
import { selectBoardLayout, selectLoad, UNASSIGNED } from '../../store/selectors';
import { ColorDot } from '../common/ColorDot';
import { plural } from '../common/format';
import { BoardColumn } from './BoardColumn';
import { ColumnLimit } from './ColumnLimit';

const LaneHeader = memo(function LaneHeader({ laneKey }: { laneKey: string }) {
  const person = useSprint((s) => s.plan.people[laneKey]);
  const load = useSprint((s) => selectLoad(s, laneKey));
  const count = useSprint((s) => selectBoardLayout(s).lanes.find((l) => l.key === laneKey)?.cells.reduce((n, c) => n + (selectBoardLayout(s).cards[c]?.length ?? 0), 0) ?? 0);
  const name = laneKey === UNASSIGNED ? 'Unassigned' : (person?.name ?? laneKey);
  return (
    <th scope="row" className="lane-header" data-testid={`lane-${laneKey}`}>
      <span className="lane-title">
        {laneKey !== UNASSIGNED && <ColorDot color={person?.color ?? null} />}
        <span className="lane-name">{name}</span>
      </span>
      <span className="lane-meta">
        {plural(count, 'card')} · {plural(load, 'changed line')}
      </span>
    </th>
  );
});

export function BoardLanes({ onBlock }: { onBlock: (id: string) => void }) {
  const lanes = useSprint(useShallow((s) => selectBoardLayout(s).lanes.map((l) => l.key)));
  const states = useSprint(useShallow((s) => CARD_STATES.filter((st) => s.boardFilter.state === 'all' || s.boardFilter.state === st)));
  const cells = useSprint((s) => selectBoardLayout(s).lanes);
  return (
    <table className="lanes" data-testid="lanes">
      <thead>
        <tr>
          <td className="lanes-corner" />
          {states.map((st) => (
            <th key={st} scope="col" className="lanes-state">
              <span>{st}</span>
              <ColumnLimit state={st} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lanes.map((key) => (
          <tr key={key} className="lane">
            <LaneHeader laneKey={key} />
            {(cells.find((l) => l.key === key)?.cells ?? []).map((cell) => (
              <td key={cell} className="lane-cell">
                <BoardColumn columnKey={cell} onBlock={onBlock} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
