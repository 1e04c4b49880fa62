/**
 * A copied rule's drift: each file changed since the copy, on which side; Sync; and the result
 * of the last sync, with conflicting files shown hunk by hunk (they were not written). The drift
 * is the rename slice's; a sync moves the branch, and the repo.changed push refreshes it.
 */
import { useState } from 'react';
import type { DriftFile, SyncResult } from '../../../../shared/rename/model';
import { api, useSprint } from '../../store';
import { plural } from '../common/format';
import { useOperation } from './useRenameStatus';
import { useOffInRoom } from '../shell/useOffInRoom';

const KIND_LABEL: Record<DriftFile['kind'], string> = {
  source: 'changed in the source',
  destination: 'changed in the destination',
  both: 'changed on both sides',
};

const NONE: DriftFile[] = [];

export function DriftPanel({ ruleId }: { ruleId: string }) {
  const known = useSprint((s) => s.renameDrift[ruleId] !== undefined);
  const files = useSprint((s) => s.renameDrift[ruleId] ?? NONE);
  const failed = useSprint((s) => s.renameDriftError);
  const [busy, run] = useOperation();
  const syncOff = useOffInRoom('rename.sync');
  const [result, setResult] = useState<SyncResult | null>(null);
  const sync = async () => {
    const synced = await run(() => api.call('rename.sync', { ruleId }));
    if (synced) setResult(synced);
  };
  return (
    <div className="rename-drift" data-testid={`drift-${ruleId}`}>
      {failed && (
        <p className="error-text" data-testid={`drift-error-${ruleId}`}>
          {known ? 'The drift below may be out of date: ' : 'Could not look for drift: '}
          {failed}
        </p>
      )}
      {!known ? (
        !failed && <p className="muted">Looking for drift…</p>
      ) : files.length === 0 ? (
        <p className="muted" data-testid={`drift-none-${ruleId}`}>
          No drift: the two copies match.
        </p>
      ) : (
        <>
          <table className="table">
            <thead>
              <tr>
                <th>File</th>
                <th>Drift</th>
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <tr key={f.rel} data-testid="drift-row">
                  <td className="mono">{f.rel || f.destinationPath}</td>
                  <td className={`drift-${f.kind}`}>{KIND_LABEL[f.kind]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="btn btn-primary" disabled={busy || syncOff !== null} title={syncOff ?? undefined} onClick={() => void sync()} data-testid={`sync-${ruleId}`}>
            Sync {plural(files.length, 'file')}
          </button>
        </>
      )}
      {result && <SyncReport result={result} />}
    </div>
  );
}

function SyncReport({ result }: { result: SyncResult }) {
  return (
    <div className="rename-sync-report" data-testid="sync-report">
      <p>
        {result.commit ? `Synced in ${result.commit.slice(0, 12)}: ` : 'Nothing written: '}
        {plural(result.carried.length, 'file')} carried over, {plural(result.merged.length, 'file')} merged, {plural(result.conflicts.length, 'conflict')}.
      </p>
      {result.conflicts.map((c) => (
        <div key={c.rel} className="rename-conflict" data-testid="sync-conflict">
          <p className="error-text">
            <span className="mono">{c.rel || c.destinationPath}</span>: {c.reason === 'content' ? 'both sides changed the same lines' : `cannot merge (${c.reason})`}. Edit either copy so they agree, or finish with a preferred side.
          </p>
          {c.hunks.map((h) => (
            <div key={h.line} className="conflict-hunk mono">
              <div className="muted">line {h.line}</div>
              <pre className="hunk-source">{h.source.join('\n')}</pre>
              <pre className="hunk-base">{h.base.join('\n')}</pre>
              <pre className="hunk-destination">{h.destination.join('\n')}</pre>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
