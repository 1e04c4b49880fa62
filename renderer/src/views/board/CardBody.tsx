/**
 * What a card shows: name, owner, state, counts, blocked reason; its actions while the card is
 * hovered or focused (or its files are open), and its files when expanded. Kept lean: a
 * thousand of these render at once.
 */
import { memo, useState } from 'react';
import { useSprint } from '../../store';
import { statsOf } from '../../store/selectors';
import { ColorDot } from '../common/ColorDot';
import { formatCount } from '../common/format';
import { CardFiles } from './CardFiles';

interface Props {
  id: string;
  /** The copy under the pointer while dragging: no actions. */
  overlay?: boolean;
  /** Hovered or focused: show the actions. */
  active?: boolean;
  onBlock?: (id: string) => void;
}

/** Lets a long path wrap after its slashes (zero-width spaces keep it one text node). */
const wrappable = (name: string) => name.replaceAll('/', '/\u200b');

export const CardBody = memo(function CardBody({ id, overlay = false, active = false, onBlock }: Props) {
  const sub = useSprint((s) => s.plan.subsystems[id]);
  const owner = useSprint((s) => {
    const o = s.plan.subsystems[id]?.owner;
    return o ? s.plan.people[o] : undefined;
  });
  const files = useSprint((s) => statsOf(s, id).files);
  const added = useSprint((s) => statsOf(s, id).added);
  const removed = useSprint((s) => statsOf(s, id).removed);
  const byState = useSprint((s) => s.boardMode === 'state');
  const [expanded, setExpanded] = useState(false);
  if (!sub) return null;
  const showActions = !overlay && (active || expanded);
  return (
    <>
      <div className="card-top">
        <span className="card-name" title={sub.name}>
          {wrappable(sub.name)}
        </span>
        {!byState && <span className={`card-state state-${sub.state.toLowerCase().replace(' ', '-')}`}>{sub.state}</span>}
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
        <span>{files === 1 ? '1 file' : `${formatCount(files)} files`}</span>
        <span className="counts">
          <span className="added">+{formatCount(added)}</span> <span className="removed">−{formatCount(removed)}</span>
        </span>
      </div>
      {sub.blocked !== null && (
        <p className="card-blocked" data-testid={`blocked-${id}`}>
          <b>Blocked:</b> {sub.blocked}
        </p>
      )}
      {showActions && (
        <div className="card-actions">
          <button type="button" className="btn-link" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)} data-testid={`expand-${id}`}>
            {expanded ? 'Hide files' : 'Show files'}
          </button>
          <button type="button" className="btn-link" onClick={() => onBlock?.(id)} data-testid={`block-${id}`}>
            {sub.blocked === null ? 'Mark blocked…' : 'Unblock…'}
          </button>
        </div>
      )}
      {expanded && !overlay && <CardFiles files={sub.files} />}
    </>
  );
});
