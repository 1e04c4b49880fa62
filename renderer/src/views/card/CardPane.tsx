/**
 * A card you can open: beside the board, the card's state, owner and reviewer, why it is
 * blocked, its branch, rename and pick-up badges, its checklist and notes (synced like every
 * plan change), its files (each opens its diff) and its history. Escape closes it and gives the
 * focus back to the card.
 */
import { useEffect, useLayoutEffect, type KeyboardEvent } from 'react';
import { useSprint } from '../../store';
import { renamesOf } from '../../store/cardRenames';
import { statsOf } from '../../store/selectors';
import { formatCount, plural } from '../common/format';
import { CardTeam } from '../board/CardTeam';
import { RenameBadges } from '../board/RenameBadges';
import { PickupBadge } from '../keep-current/PickupBadge';
import { CardChecklist } from './CardChecklist';
import { CardHistory } from './CardHistory';
import { CardNotes } from './CardNotes';
import { CardPaneFields } from './CardPaneFields';
import { CardPaneFiles } from './CardPaneFiles';
import { focusCard, setCardUi, useCardUi } from './cardUi';

export const PANE_SHOWN_MARK = 'merge-sprint:pane-shown';

function close(id: string) {
  setCardUi({ open: null });
  focusCard(id);
}

function Pane({ id, onBlock }: { id: string; onBlock: (id: string) => void }) {
  const sub = useSprint((s) => s.plan.subsystems[id]);
  const stats = useSprint((s) => statsOf(s, id));
  const renames = useSprint((s) => renamesOf(s, id));
  useLayoutEffect(() => {
    performance.mark(PANE_SHOWN_MARK, { detail: { card: id } });
  }, [id]);
  if (!sub) return null;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.stopPropagation();
      close(id);
    }
  };
  return (
    <aside className="card-pane" aria-labelledby="card-pane-title" data-testid="card-pane" onKeyDown={onKeyDown}>
      <header className="pane-header">
        <h2 className="pane-title" id="card-pane-title">
          {sub.name}
        </h2>
        <button type="button" className="btn-icon" aria-label="Close the card (Escape)" onClick={() => close(id)} data-testid="pane-close">
          ×
        </button>
      </header>
      <p className="pane-summary">
        {plural(stats.files, 'file')} · <span className="added">+{formatCount(stats.added)}</span> <span className="removed">−{formatCount(stats.removed)}</span>
      </p>
      <CardPaneFields id={id} />
      <div className="pane-blocked">
        {sub.blocked !== null && (
          <p className="card-blocked" data-testid="pane-blocked">
            <b>Blocked:</b> {sub.blocked}
          </p>
        )}
        <button type="button" className="btn" onClick={() => onBlock(id)} data-testid="pane-block">
          {sub.blocked === null ? 'Mark blocked…' : 'Unblock…'}
        </button>
      </div>
      <RenameBadges subsystemId={id} renames={renames} />
      <PickupBadge subsystemId={id} />
      <CardTeam id={id} state={sub.state} actions />
      <CardChecklist id={id} />
      <CardNotes key={id} id={id} />
      <CardPaneFiles files={sub.files} />
      <section className="pane-section" aria-labelledby="pane-history">
        <h3 className="pane-label" id="pane-history">
          History
        </h3>
        <CardHistory id={id} />
      </section>
    </aside>
  );
}

export function CardPane({ onBlock }: { onBlock: (id: string) => void }) {
  const open = useCardUi((s) => s.open);
  const exists = useSprint((s) => open !== null && open in s.plan.subsystems);
  // A card merged or removed meanwhile closes its pane.
  useEffect(() => {
    if (open !== null && !exists) setCardUi({ open: null });
  }, [open, exists]);
  if (open === null || !exists) return null;
  return <Pane key={open} id={open} onBlock={onBlock} />;
}
