/**
 * A card owner's own sign-off for the card's patches: shown once the card has an owner; the
 * plan store accepts it only from that owner (anyone else is told so, and the card rolls back),
 * and only whoever gave it can withdraw it. The export then writes that person's Signed-off-by.
 */
import { sprintStore, useSprint } from '../../store';

export function CardSignOff({ id, actions }: { id: string; actions: boolean }) {
  const given = useSprint((s) => s.plan.series.signOffs?.[id]);
  const owned = useSprint((s) => s.plan.subsystems[id]?.owner != null);
  const send = (signed: boolean): void => {
    void sprintStore.getState().applyLocal({ type: 'card.signOff', subsystemId: id, signed });
  };
  if (!given && !(actions && owned)) return null;
  return (
    <div className="card-signoff" data-testid={`signoff-${id}`}>
      {given && <span title={`Signed off on ${given.at.slice(0, 10)}`}>Signed off by {given.name}</span>}
      {actions && (
        <button type="button" className="btn-link" onClick={() => send(!given)} data-testid={`signoff-action-${id}`}>
          {given ? 'Withdraw sign-off' : 'Sign off'}
        </button>
      )}
    </div>
  );
}
