/**
 * What a card shows: name, owner, state, counts, blocked reason; its actions while the card is
 * hovered or focused (or its files are open), and its files when expanded; the rename rules its
 * files lie under. Data comes in as props from the card, which selects four values: a thousand
 * of these render at once.
 */
import { memo, useState } from 'react';
import { PathName } from '../common/PathName';
import type { Person, Subsystem } from '../../../../shared/model';
import { useSprint } from '../../store';
import { renamesOf, type CardRename } from '../../store/cardRenames';
import { ownerOf, statsOf, type CardStats } from '../../store/selectors';
import { ColorDot } from '../common/ColorDot';
import { formatCount } from '../common/format';
import { CardFiles } from './CardFiles';
import { CardTeam } from './CardTeam';
import { CardSignOff } from './CardSignOff';
import { RenameBadges } from './RenameBadges';
import { PickupBadge } from '../keep-current/PickupBadge';

interface Props {
  sub: Subsystem;
  owner: Person | undefined;
  stats: CardStats;
  /** The rename rules the card's files lie under. */
  renames: CardRename[];
  /** By state, the column already says the state. */
  showState: boolean;
  /** The copy under the pointer while dragging: no actions. */
  overlay?: boolean;
  /** Hovered or focused: show the actions. */
  active?: boolean;
  onBlock?: (id: string) => void;
}

export const CardBody = memo(function CardBody({ sub, owner, stats, renames, showState, overlay = false, active = false, onBlock }: Props) {
  const [expanded, setExpanded] = useState(false);
  const showActions = !overlay && (active || expanded);
  return (
    <>
      <div className="card-top">
        <span className="card-name" title={sub.name}>
          <PathName name={sub.name} />
        </span>
        {showState && <span className={`card-state state-${sub.state.toLowerCase().replace(' ', '-')}`}>{sub.state}</span>}
      </div>
      <div className="card-meta" aria-hidden="true">
        {owner ? (
          <span className="card-owner">
            <ColorDot color={owner.color} />
            {owner.name}
          </span>
        ) : (
          <span className="card-owner card-owner-none">Unassigned</span>
        )}
        <span>{stats.files === 1 ? '1 file needs work' : `${formatCount(stats.files)} files need work`}</span>
        <span className="counts">
          <span className="added">+{formatCount(stats.added)}</span> <span className="removed">−{formatCount(stats.removed)}</span>
        </span>
      </div>
      <RenameBadges subsystemId={sub.id} renames={renames} />
      {!overlay && <CardTeam id={sub.id} state={sub.state} actions={showActions} />}
      <PickupBadge subsystemId={sub.id} />
      {!overlay && <CardSignOff id={sub.id} actions={showActions} />}
      {sub.blocked !== null && (
        <p className="card-blocked" data-testid={`blocked-${sub.id}`}>
          <b>Blocked:</b> {sub.blocked}
        </p>
      )}
      {showActions && (
        <div className="card-actions">
          <button type="button" className="btn-link" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)} data-testid={`expand-${sub.id}`}>
            {expanded ? 'Hide files' : 'Show files'}
          </button>
          <button type="button" className="btn-link" onClick={() => onBlock?.(sub.id)} data-testid={`block-${sub.id}`}>
            {sub.blocked === null ? 'Mark blocked…' : 'Unblock…'}
          </button>
        </div>
      )}
      {expanded && !overlay && <CardFiles files={sub.files} />}
    </>
  );
});

/** The card under the pointer while dragging. */
export function OverlayCard({ id }: { id: string }) {
  const sub = useSprint((s) => s.plan.subsystems[id]);
  const owner = useSprint((s) => ownerOf(s, id));
  const stats = useSprint((s) => statsOf(s, id));
  const renames = useSprint((s) => renamesOf(s, id));
  const showState = useSprint((s) => s.boardMode === 'person');
  if (!sub) return null;
  return (
    <div className="card card-overlay">
      <CardBody sub={sub} owner={owner} stats={stats} renames={renames} showState={showState} overlay />
    </div>
  );
}
