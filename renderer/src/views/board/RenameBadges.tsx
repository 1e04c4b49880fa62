/** A card's rename rules as small badges: the phase, and for a copied rule how many files drift apart. */
import { memo } from 'react';
import { describeCardRename, type CardRename } from '../../store/cardRenames';
import { formatCount } from '../common/format';

export const RenameBadges = memo(function RenameBadges({ subsystemId, renames }: { subsystemId: string; renames: CardRename[] }) {
  if (renames.length === 0) return null;
  // The card's label says the same in words, so the badges are for the eye only.
  return (
    <p className="card-renames" aria-hidden="true" data-testid={`renames-${subsystemId}`}>
      {renames.map((r) => {
        const drifting = r.drift !== null && r.drift > 0;
        return (
          <span
            key={r.ruleId}
            className={`rename-badge rename-${r.phase}${drifting ? ' rename-drifting' : ''}`}
            title={describeCardRename(r)}
            data-testid={`rename-badge-${subsystemId}-${r.ruleId}`}
            data-phase={r.phase}
          >
            {r.phase}
            {drifting && ` · ${formatCount(r.drift ?? 0)} drifting`}
          </span>
        );
      })}
    </p>
  );
});
