/** The pane's fields: state, owner, and the reviewer (a person other than the owner), each one plan change. */
import { useShallow } from 'zustand/react/shallow';
import { CARD_STATES, type CardState } from '../../../../shared/model';
import { sprintStore, useSprint } from '../../store';
import { assignCards, moveCards } from './cardActions';
import { reviewerShown } from './reviewer';

function PersonOptions({ except }: { except?: string | null }) {
  const order = useSprint((s) => s.plan.personOrder);
  const people = useSprint((s) => s.plan.people);
  return (
    <>
      {order
        .filter((id) => id !== except)
        .map((id) => (
          <option key={id} value={id}>
            {people[id]?.name ?? id}
          </option>
        ))}
    </>
  );
}

export function CardPaneFields({ id }: { id: string }) {
  const state = useSprint((s) => s.plan.subsystems[id]?.state ?? 'Backlog');
  const owner = useSprint((s) => s.plan.subsystems[id]?.owner ?? null);
  // A reviewer the people do not know (named by a plan from another laptop) is said to be unknown, never nobody.
  const reviewer = useSprint(useShallow((s) => reviewerShown(s.plan, id)));
  return (
    <div className="pane-fields">
      <label className="pane-field">
        <span className="pane-label">State</span>
        <select value={state} onChange={(e) => void moveCards([id], e.target.value as CardState)} data-testid="pane-state">
          {CARD_STATES.map((st) => (
            <option key={st} value={st}>
              {st}
            </option>
          ))}
        </select>
      </label>
      <label className="pane-field">
        <span className="pane-label">Owner</span>
        <select value={owner ?? ''} onChange={(e) => void assignCards([id], e.target.value === '' ? null : e.target.value)} data-testid="pane-owner">
          <option value="">Unassigned</option>
          <PersonOptions />
        </select>
      </label>
      <label className="pane-field">
        <span className="pane-label">
          Reviewer{reviewer?.known === false ? ' (not among the people: choose someone)' : state === 'Review' && reviewer === null ? ' (needed for Review)' : ''}
        </span>
        <select
          value={reviewer?.id ?? ''}
          onChange={(e) => void sprintStore.getState().applyLocal({ type: 'card.reviewer', subsystemId: id, reviewer: e.target.value === '' ? null : e.target.value })}
          data-testid="pane-reviewer"
        >
          <option value="">Nobody yet</option>
          {reviewer?.known === false && (
            <option value={reviewer.id} disabled>
              {reviewer.name}
            </option>
          )}
          <PersonOptions except={owner} />
        </select>
      </label>
    </div>
  );
}
