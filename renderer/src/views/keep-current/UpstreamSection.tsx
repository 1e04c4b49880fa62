/**
 * "Move to a newer upstream": the upstream commits since the sprint's base that touch files in
 * scope, every fork copy whose twin they change with whether that change ports cleanly, and one
 * button that merges the new upstream, ports the twins and moves the sprint's base.
 */
import { useState } from 'react';
import { sprintStore, useSprint } from '../../store';
import { plural } from '../common/format';
import { useOffInRoom } from '../shell/useOffInRoom';
import { UpstreamTwinRow } from './UpstreamTwinRow';

function ToForm() {
  const current = useSprint((s) => s.upstreamTo);
  const [ref, setRef] = useState(current ?? '');
  const loading = useSprint((s) => s.upstreamLoading);
  return (
    <form className="row-inline" onSubmit={(e) => { e.preventDefault(); void sprintStore.getState().setUpstreamTo(ref.trim()); }}>
      <label htmlFor="upstream-to">Newer upstream ref</label>
      <input id="upstream-to" value={ref} placeholder="v2.6.13" onChange={(e) => setRef(e.target.value)} data-testid="upstream-ref" />
      <button type="submit" className="btn" disabled={loading || ref.trim() === ''} data-testid="upstream-show">
        Show what moving means
      </button>
    </form>
  );
}

export function UpstreamSection() {
  const base = useSprint((s) => s.plan.sprint?.upstreamRef ?? null);
  const preview = useSprint((s) => s.upstreamPreview);
  const error = useSprint((s) => s.upstreamError);
  const applying = useSprint((s) => s.upstreamApplying);
  const off = useOffInRoom('upstream.apply');
  const [keep, setKeep] = useState<ReadonlySet<string>>(new Set());
  if (base === null) return null;
  const open = preview !== null && preview.to !== preview.base;
  const blocking = preview?.twins.filter((t) => t.status === 'conflict' && !keep.has(t.path)) ?? [];
  const why =
    off ??
    (preview && preview.mergeConflicts.length > 0
      ? 'Merging the new upstream conflicts: merge it yourself (git merge), resolve and commit, then move again.'
      : blocking.length > 0
        ? `${plural(blocking.length, 'fork copy', 'fork copies')} in conflict: port by hand on the sprint branch and tick it, then move.`
        : null);
  const apply = async () => {
    const done = await sprintStore.getState().applyUpstream([...keep]);
    if (done?.commit) {
      setKeep(new Set());
      sprintStore.getState().notify('info', `Moved the sprint to ${done.toRef} in ${done.commit.slice(0, 12)}: ${plural(done.ported.length, 'fork copy', 'fork copies')} ported.`);
    }
  };
  return (
    <section className="keep-section" aria-labelledby="upstream-title" data-testid="upstream-move">
      <h2 id="upstream-title">Move to a newer upstream</h2>
      <p className="hint">
        The sprint is based on <code>{base}</code>. Moving it merges a newer upstream into the sprint branch and carries upstream&apos;s changes to each twin into its fork copy, merged three-way with the fork&apos;s own changes, so that the series never undoes upstream&apos;s fixes.
      </p>
      <ToForm />
      {error && <p className="error-text" data-testid="upstream-error">{error}</p>}
      {preview && !open && (
        <p className="hint" data-testid="upstream-empty">
          Nothing to move: the sprint is on <code>{preview.toRef}</code> already.
        </p>
      )}
      {preview && open && (
        <>
          <h3>Upstream commits in scope ({preview.commits.length})</h3>
          {preview.commits.length === 0 ? (
            <p className="hint">No upstream commit since the base touches the paired folders.</p>
          ) : (
            <ul className="plain-list pickup-cards upstream-commits" data-testid="upstream-commits">
              {preview.commits.map((c) => (
                <li key={c.commit} className="row-inline">
                  <code>{c.commit.slice(0, 12)}</code>
                  <span className="pickup-subject">{c.subject}</span>
                  <span className="muted">{c.author}</span>
                </li>
              ))}
            </ul>
          )}
          <h3>Fork copies whose twin changed ({preview.twins.length})</h3>
          {preview.twins.length === 0 ? (
            <p className="hint">Upstream changed no twin of a fork copy.</p>
          ) : (
            <ul className="plain-list pickup-commits" data-testid="upstream-twins">
              {preview.twins.map((t) => (
                <UpstreamTwinRow key={t.path} twin={t} kept={keep.has(t.path)} onKeep={(on) => setKeep((k) => { const next = new Set(k); if (on) next.add(t.path); else next.delete(t.path); return next; })} />
              ))}
            </ul>
          )}
          {preview.mergeConflicts.length > 0 && (
            <p className="error-text" data-testid="upstream-merge-conflicts">
              Merging <code>{preview.toRef}</code> into <code>{preview.branch}</code> conflicts in {preview.mergeConflicts.join(', ')}.
            </p>
          )}
          <div className="toolbar">
            <button type="button" className="btn btn-primary" disabled={applying || why !== null} title={why ?? undefined} onClick={() => void apply()} data-testid="upstream-apply">
              Move the sprint to {preview.toRef}
            </button>
          </div>
          {why && <p className="hint" data-testid="upstream-why">{why}</p>}
        </>
      )}
    </section>
  );
}
