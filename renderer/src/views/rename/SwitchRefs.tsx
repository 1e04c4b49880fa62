/**
 * "Switch references": the lines naming a rule's old path rewritten to its new one, in one
 * commit, shown first as the diff it would commit. An interim copy keeps its lines unless the
 * box is ticked (its old layout then no longer builds from them); a line naming the old path
 * through a make variable is listed as left for you.
 */
import { useState } from 'react';
import type { RefsSwitch } from '../../../../shared/rename/switch-refs';
import { api, sprintStore, useSprint } from '../../store';
import { plural } from '../common/format';
import { DiffView } from '../diff/DiffView';
import { useOffInRoom } from '../shell/useOffInRoom';
import { useOperation } from './useRenameStatus';

function SwitchDiff({ text }: { text: string }) {
  return (
    <div className="switch-diff" data-testid="switch-diff">
      <DiffView text={text} />
    </div>
  );
}

export function SwitchRefs({ ruleId }: { ruleId: string }) {
  const phase = useSprint((s) => s.plan.renames[ruleId]?.phase ?? null);
  const off = useOffInRoom('rename.switchRefs');
  const [includeCopied, setIncludeCopied] = useState(false);
  const [preview, setPreview] = useState<RefsSwitch | null>(null);
  const [busy, run] = useOperation();
  if (phase !== 'moved' && phase !== 'copied') return null;
  const request = { ruleId, ...(phase === 'copied' && includeCopied ? { includeCopied: true } : {}) };
  const look = async () => setPreview(await run(() => api.call('rename.switchRefsPreview', request)));
  const commit = async () => {
    const done = await run(() => api.call('rename.switchRefs', request));
    if (!done) return;
    setPreview(null);
    sprintStore.getState().notify('info', `Switched ${plural(done.lines.length, 'line')} to the new path in ${done.commit?.slice(0, 12) ?? ''}.`);
    await sprintStore.getState().loadRenameRefs(ruleId);
  };
  return (
    <div className="switch-refs" data-testid={`switch-refs-${ruleId}`}>
      {phase === 'copied' && (
        <label className="row-inline">
          <input type="checkbox" checked={includeCopied} onChange={(e) => { setIncludeCopied(e.target.checked); setPreview(null); }} data-testid={`switch-include-copied-${ruleId}`} />
          Switch them although this is an interim copy (the old layout then no longer builds from these lines)
        </label>
      )}
      <button type="button" className="btn" disabled={busy} onClick={() => void look()} data-testid={`switch-preview-${ruleId}`}>
        Switch references…
      </button>
      {preview && (
        <>
          {preview.kept.map((k) => (
            <p key={k.ruleId} className="hint">Kept: {k.why}.</p>
          ))}
          {preview.left.length > 0 && (
            <>
              <p className="muted">Left for you ({plural(preview.left.length, 'line')} that cannot be rewritten mechanically):</p>
              <ul className="plain-list mono" data-testid="switch-left">
                {preview.left.map((l) => (
                  <li key={`${l.path}:${l.line}`} title={l.why}>
                    {l.path}:{l.line} {l.text.trim()} <span className="muted">({l.why})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.lines.length === 0 ? (
            <p className="muted" data-testid="switch-nothing">Nothing to switch.</p>
          ) : (
            <>
              <p className="muted">The commit rewrites {plural(preview.lines.length, 'line')}:</p>
              <SwitchDiff text={preview.diff} />
              {preview.truncated && <p className="hint">The diff is longer than shown.</p>}
              <button type="button" className="btn btn-primary" disabled={busy || off !== null} title={off ?? undefined} onClick={() => void commit()} data-testid={`switch-commit-${ruleId}`}>
                Commit the switch
              </button>
              {off && <p className="hint">{off}</p>}
            </>
          )}
        </>
      )}
    </div>
  );
}
