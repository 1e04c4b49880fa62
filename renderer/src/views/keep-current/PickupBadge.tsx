/** On a card: how many of the fork's commits wait to be picked up that touch its files. */
import { memo } from 'react';
import { useSprint } from '../../store';
import { plural } from '../common/format';

export const PickupBadge = memo(function PickupBadge({ subsystemId }: { subsystemId: string }) {
  const waiting = useSprint((s) => s.pickupPerCard[subsystemId] ?? 0);
  if (waiting === 0) return null;
  const words = `${plural(waiting, 'fork commit')} to pick up`;
  return (
    <p className="card-renames">
      <span className="rename-badge pickup-badge" title={`${words} touch this card's files (Keep current)`} data-testid={`pickup-badge-${subsystemId}`}>
        {words}
      </span>
    </p>
  );
});
