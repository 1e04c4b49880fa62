/** One fork copy whose upstream twin changed: whether the change ports cleanly, and where it conflicts. */
import { memo } from 'react';
import type { TwinConflictReason, TwinPort } from '../../../../shared/upstream/model';

const REASONS: Record<TwinConflictReason, string> = {
  content: 'upstream and the fork changed the same lines',
  binary: 'a binary file: it cannot be merged line by line',
  'deleted-upstream': 'upstream deleted the twin',
  mode: 'upstream and the fork changed the mode differently',
  symlink: 'a symbolic link changed on both sides',
  submodule: 'a submodule changed on both sides',
};

const statusWords = (t: TwinPort): string => (t.status === 'conflict' ? 'conflict' : t.alreadyThere ? 'already there' : 'ports cleanly');

export const UpstreamTwinRow = memo(function UpstreamTwinRow({ twin, kept, onKeep }: { twin: TwinPort; kept: boolean; onKeep: (keep: boolean) => void }) {
  return (
    <li className={`pickup-commit ${twin.status === 'conflict' ? 'pickup-conflict' : 'pickup-clean'}`} data-testid={`upstream-twin-${twin.path}`} data-status={twin.status}>
      <div className="row-inline">
        <code>{twin.path}</code>
        <span className="muted">twin of</span>
        <code>{twin.twin}</code>
        <span className="pickup-status">{statusWords(twin)}</span>
      </div>
      {twin.status === 'conflict' && (
        <div className="rename-conflict">
          <p>{REASONS[twin.reason ?? 'content']}</p>
          {twin.hunks.map((h) => (
            <div key={h.line} className="conflict-hunk">
              <pre className="hunk-source" title="The fork copy">{h.source.join('\n')}</pre>
              <pre className="hunk-base" title="The twin at the current base">{h.base.join('\n')}</pre>
              <pre className="hunk-destination" title="The twin in the new upstream">{h.destination.join('\n')}</pre>
            </div>
          ))}
          <label className="row-inline">
            <input type="checkbox" checked={kept} onChange={(e) => onKeep(e.target.checked)} data-testid={`upstream-keep-${twin.path}`} />
            I ported this change by hand on the sprint branch: keep the copy as it is
          </label>
        </div>
      )}
    </li>
  );
});
