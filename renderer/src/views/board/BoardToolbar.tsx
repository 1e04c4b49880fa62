/** Grouping (by person / by state), filters, and the large projector mode. */
import { BoardViewMenu, useNarrowToolbar } from './BoardViewMenu';
import { useShallow } from 'zustand/react/shallow';
import { CARD_STATES, type CardState } from '../../../../shared/model';
import { useSprint } from '../../store';
import { selectBoardLayout, selectNotVerified, UNASSIGNED } from '../../store/selectors';
import { formatCount, plural } from '../common/format';

function PersonFilter() {
  const value = useSprint((s) => s.boardFilter.person);
  const order = useSprint((s) => s.plan.personOrder);
  const people = useSprint((s) => s.plan.people);
  const set = useSprint((s) => s.setBoardFilter);
  return (
    <label className="field-inline">
      <span className="visually-hidden">Person</span>
      <select value={value} onChange={(e) => set({ person: e.target.value })} data-testid="filter-person">
        <option value="all">Everyone</option>
        {order.map((id) => (
          <option key={id} value={id}>
            {people[id]?.name ?? id}
          </option>
        ))}
        <option value={UNASSIGNED}>Unassigned</option>
      </select>
    </label>
  );
}

function StateFilter() {
  const value = useSprint((s) => s.boardFilter.state);
  const set = useSprint((s) => s.setBoardFilter);
  return (
    <label className="field-inline">
      <span className="visually-hidden">State</span>
      <select value={value} onChange={(e) => set({ state: e.target.value as CardState | 'all' })} data-testid="filter-state">
        <option value="all">Any state</option>
        {CARD_STATES.map((st) => (
          <option key={st} value={st}>
            {st}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The Done cards git does not confirm (their branch is not merged, their patch no longer applies). */
function NotVerifiedFilter() {
  const on = useSprint((s) => s.boardFilter.notVerified === true);
  const count = useSprint((s) => selectNotVerified(s).size);
  const set = useSprint((s) => s.setBoardFilter);
  return (
    <label className="field-inline" title="Done on the board, but git does not confirm it">
      <input type="checkbox" checked={on} onChange={(e) => set({ notVerified: e.target.checked })} data-testid="filter-not-verified" />
      Not verified{count > 0 ? ` (${formatCount(count)})` : ''}
    </label>
  );
}

/** Only blocked cards, and only this person's cards: both kept in the address with the other filters. */
function FlagFilter({ flag, label, title }: { flag: 'blocked' | 'mine'; label: string; title: string }) {
  const on = useSprint((s) => s.boardFilter[flag] === true);
  const set = useSprint((s) => s.setBoardFilter);
  return (
    <label className="field-inline" title={title}>
      <input type="checkbox" checked={on} onChange={(e) => set({ [flag]: e.target.checked })} data-testid={`filter-${flag}`} />
      {label}
    </label>
  );
}

export function BoardToolbar() {
  const narrow = useNarrowToolbar();
  const mode = useSprint((s) => s.boardMode);
  const setMode = useSprint((s) => s.setBoardMode);
  const text = useSprint((s) => s.boardFilter.text);
  const set = useSprint((s) => s.setBoardFilter);
  const [shown, total] = useSprint(useShallow((s) => [selectBoardLayout(s).shown, s.plan.subsystemOrder.length]));
  return (
    <div className="toolbar board-toolbar" role="toolbar" aria-label="Board">
      <div className="segmented" role="group" aria-label="Group cards">
        <button type="button" aria-pressed={mode === 'person'} onClick={() => setMode('person')} data-testid="mode-person" aria-label="By person">
          {narrow ? 'Person' : 'By person'}
        </button>
        <button type="button" aria-pressed={mode === 'state'} onClick={() => setMode('state')} data-testid="mode-state" aria-label="By state">
          {narrow ? 'State' : 'By state'}
        </button>
        <button type="button" aria-pressed={mode === 'lanes'} onClick={() => setMode('lanes')} data-testid="mode-lanes" title="A row per person, a column per state" aria-label="Swimlanes">
          {narrow ? 'Lanes' : 'Swimlanes'}
        </button>
      </div>
      <PersonFilter />
      <StateFilter />
      <NotVerifiedFilter />
      <FlagFilter flag="blocked" label="Blocked" title="Only the cards marked blocked" />
      <FlagFilter flag="mine" label="Mine" title="Only the cards you own" />
      <label className="field-inline board-filter-text">
        <span className="visually-hidden">Filter cards</span>
        <input type="search" placeholder="Filter: name, file, person (/)" value={text} onChange={(e) => set({ text: e.target.value })} data-testid="filter-text" />
      </label>
      <span className="toolbar-note" aria-live="polite">
        {shown === total ? plural(total, 'card') : `${formatCount(shown)} of ${plural(total, 'card')}`}
      </span>
      <BoardViewMenu />
    </div>
  );
}
