/** A pick-up conflict as sync shows one: the file, where it lands, and each side's lines. */
import type { PickupConflict } from '../../../../shared/pickup/model';

const REASONS: Record<PickupConflict['reason'], string> = {
  content: 'both changed the same lines',
  binary: 'a binary file changed on both sides',
  mode: 'the mode changed differently on both sides',
  symlink: 'a symbolic link changed on both sides',
  submodule: 'a submodule changed on both sides',
  'deleted-here': 'the fork changed a file the sprint branch deleted',
  'deleted-in-fork': 'the fork deleted a file the sprint branch changed',
  'added-on-both': 'the fork added a file where the sprint branch has another',
};

export function ConflictHunks({ conflict }: { conflict: PickupConflict }) {
  return (
    <div className="rename-conflict" data-testid="pickup-conflict">
      <p>
        <code>{conflict.path}</code>
        {conflict.lands !== conflict.path && (
          <>
            {' '}
            lands at <code>{conflict.lands}</code>
          </>
        )}
        : {REASONS[conflict.reason]}
      </p>
      {conflict.hunks.map((h) => (
        <div key={h.line} className="conflict-hunk">
          <pre className="hunk-source" title="The sprint branch">{h.source.join('\n')}</pre>
          <pre className="hunk-base" title="The fork commit's parent">{h.base.join('\n')}</pre>
          <pre className="hunk-destination" title="The fork commit">{h.destination.join('\n')}</pre>
        </div>
      ))}
    </div>
  );
}
