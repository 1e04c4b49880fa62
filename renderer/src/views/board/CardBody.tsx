/** What a card shows: name, owner, state, counts, blocked reason, and its files when expanded. */
import { memo, useState } from 'react';
import { useSprint } from '../../store';
import { statsOf } from '../../store/selectors';
import { ColorDot } from '../common/ColorDot';
import { plural } from '../common/format';
import { LineCounts } from '../common/LineCounts';
import { CardFiles } from './CardFiles';

interface Props {
  id: string;
  /** The copy under the pointer while dragging: no buttons. */
  overlay?: boolean;
  onBlock?: (id: string) => void;
}

function Owner({ ownerId }: { ownerId: string | null }) {
  const name = useSprint((s) => (ownerId ? s.plan.people[ownerId]?.name : undefined));
  const color = useSprint((s) => (ownerId ? s.plan.people[ownerId]?.color : undefined));
  if (!ownerId || !name) return <span className="card-owner card-owner-none">Unassigned</span>;
  return (
    <span className="card-owner">
      <ColorDot color={color ?? null} />
      {name}
    </span>
  );
}

export const CardBody = memo(function CardBody({ id, overlay = false, onBlock }: Props) {
  const sub = useSprint((s) => s.plan.subsystems[id]);
  const files = useSprint((s) => statsOf(s, id).files);
  const added = useSprint((s) => statsOf(s, id).added);
  const removed = useSprint((s) => statsOf(s, id).removed);
  const [expanded, setExpanded] = useState(false);
  if (!sub) return null;
  const stateClass = `state-${sub.state.toLowerCase().replace(/\s+/g, '-')}`;
  return (
    <>
      <div className="card-top">
        <span className="card-name" title={sub.name}>
          {sub.name}
        </span>
        <span className={`card-state ${stateClass}`}>{sub.state}</span>
      </div>
      <div className="card-meta">
        <Owner ownerId={sub.owner} />
        <span className="card-files">{plural(files, 'file')}</span>
        <LineCounts added={added} removed={removed} />
      </div>
      {sub.blocked !== null && (
        <p className="card-blocked" data-testid={`blocked-${id}`}>
          <span className="card-blocked-label">Blocked:</span> {sub.blocked}
        </p>
      )}
      {!overlay && (
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
