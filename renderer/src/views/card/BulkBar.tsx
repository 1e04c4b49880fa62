/** With several cards selected: assign them or move them at once (one plan change, one undo). */
import { CARD_STATES, type CardState } from '../../../../shared/model';
import { useSprint } from '../../store';
import { plural } from '../common/format';
import { assignCards, moveCards } from './cardActions';
import { cardUiStore, setCardUi, useCardUi } from './cardUi';

const NOBODY = '\u0000nobody';

export function BulkBar() {
  const count = useCardUi((s) => s.selected.length);
  const order = useSprint((s) => s.plan.personOrder);
  const people = useSprint((s) => s.plan.people);
  if (count === 0) return null;
  const selected = () => cardUiStore.getState().selected;
  return (
    <div className="bulk-bar" role="region" aria-label="Selected cards" data-testid="bulk-bar">
      <span className="bulk-count" aria-live="polite">
        {plural(count, 'card')} selected
      </span>
      <label className="field-inline">
        Assign to
        <select
          value=""
          onChange={(e) => {
            if (e.target.value !== '') void assignCards(selected(), e.target.value === NOBODY ? null : e.target.value);
          }}
          data-testid="bulk-assign"
        >
          <option value="">Choose…</option>
          {order.map((id) => (
            <option key={id} value={id}>
              {people[id]?.name ?? id}
            </option>
          ))}
          <option value={NOBODY}>Unassigned</option>
        </select>
      </label>
      <label className="field-inline">
        Move to
        <select
          value=""
          onChange={(e) => {
            if (e.target.value !== '') void moveCards(selected(), e.target.value as CardState);
          }}
          data-testid="bulk-state"
        >
          <option value="">Choose…</option>
          {CARD_STATES.map((st) => (
            <option key={st} value={st}>
              {st}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn" onClick={() => setCardUi({ selected: [], anchor: null })} data-testid="bulk-clear">
        Clear selection
      </button>
    </div>
  );
}
