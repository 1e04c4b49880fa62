/** The Series view: propose, edit, check and export the patch series. */
import { useState } from 'react';
import type { CheckReport } from '../../../../shared/series/reports';
import { seriesSettingsOf } from '../../../../shared/series/model';
import { api, sprintStore, useSprint } from '../../store';
import { PatchDetail } from './PatchDetail';
import { PatchList } from './PatchList';
import { SeriesRuns } from './SeriesRuns';
import { useSeriesState } from './useSeriesState';
import './series.css';
import { plural } from '../common/format';

/** The plan's size limit per patch and the whole-support choice, each an undoable plan change. */
function SizeSettings() {
  const maxPatchKb = useSprint((s) => seriesSettingsOf(s.plan.series).maxPatchKb);
  const wholeSupport = useSprint((s) => seriesSettingsOf(s.plan.series).wholeSupport);
  const [draft, setDraft] = useState<string | null>(null);
  const save = (next: { maxPatchKb?: number; wholeSupport?: boolean }) => {
    const st = sprintStore.getState();
    void st.applyLocal({ type: 'series.settings', maxPatchKb, wholeSupport, ...next }, { label: 'change the patch limit' });
  };
  const commit = () => {
    if (draft === null) return;
    const n = Number(draft);
    setDraft(null);
    if (!Number.isInteger(n) || n < 4) return sprintStore.getState().notify('error', `"${draft}" is not a patch limit: give a whole number of KB, 4 or more (the kernel's lists take 100).`);
    if (n !== maxPatchKb) save({ maxPatchKb: n });
  };
  return (
    <>
      <label className="field-inline">
        Patch limit (KB)
        <input
          className="input-short"
          inputMode="numeric"
          value={draft ?? String(maxPatchKb)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
          data-testid="series-limit"
        />
      </label>
      <label className="field-inline" title="The seed's shape: clean-ups and hooks first, then one patch that adds the whole support, whatever its size">
        <input type="checkbox" checked={wholeSupport} onChange={(e) => save({ wholeSupport: e.target.checked })} data-testid="series-whole-support" />
        New support in one patch
      </label>
    </>
  );
}

function ProposeBar({ hasSeries, onNotes }: { hasSeries: boolean; onNotes: (notes: string[]) => void }) {
  const forkRef = useSprint((s) => s.plan.sprint?.forkRef ?? '');
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const propose = async () => {
    setConfirming(false);
    setBusy(true);
    const st = sprintStore.getState();
    await st.runPlanOperation('propose the series', async () => {
      const res = await api.call('series.propose', target.trim() ? { target: target.trim() } : {});
      if (!res.ok) {
        st.notify('error', res.error.message);
        return null;
      }
      const { unassignedFiles, files } = res.value;
      onNotes(res.value.notes);
      st.notify('info', `Proposed ${plural(res.value.snapshot.plan.series.patchOrder.length, 'patch', 'patches')} over ${plural(files, 'file')}${unassignedFiles.length ? `; ${plural(unassignedFiles.length, 'file')} in no subsystem went into folder patches` : ''}.`);
      return res.value.snapshot;
    });
    setBusy(false);
  };
  return (
    <div className="toolbar" role="toolbar" aria-label="Propose">
      <label className="field-inline">
        Target
        <input className="mono input-short" value={target} onChange={(e) => setTarget(e.target.value)} placeholder={forkRef || 'fork ref'} data-testid="series-target" />
      </label>
      <SizeSettings />
      {confirming ? (
        <span className="row-inline" role="group" aria-label="Confirm proposal">
          Replace the current series (its edits go; exported versions stay)?
          <button type="button" className="btn btn-danger" onClick={() => void propose()} data-testid="propose-confirm">
            Propose again
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => (hasSeries ? setConfirming(true) : void propose())} data-testid="propose">
          {hasSeries ? 'Propose again' : 'Propose a series'}
        </button>
      )}
    </div>
  );
}

export function SeriesView() {
  const hasSprint = useSprint((s) => s.plan.sprint !== null);
  const count = useSprint((s) => s.plan.series.patchOrder.length);
  const problem = useSprint((s) => s.seriesProblem);
  const error = useSprint((s) => s.seriesError);
  useSeriesState();
  const [selected, setSelected] = useState<string | null>(null);
  const [check, setCheck] = useState<CheckReport | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  if (!hasSprint) {
    return (
      <section className="page" aria-label="Patch series">
        <p className="empty">Start the sprint first (Setup): the series is cut from the upstream ref to the fork ref.</p>
      </section>
    );
  }
  return (
    <section className="page page-wide" aria-label="Patch series">
      <h1 className="page-title">Patch series</h1>
      <ProposeBar hasSeries={count > 0} onNotes={setNotes} />
      {notes.length > 0 && (
        <div className="panel proposal-notes" role="status" data-testid="proposal-notes">
          <h2 className="panel-title">What the proposal did so that every step builds</h2>
          <ul className="plain-list">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      {error && <p className="error-text">{error}</p>}
      {problem && count > 0 && (
        <div className="panel panel-warn" role="status" data-testid="series-problem">
          {problem}
        </div>
      )}
      {count === 0 ? (
        <p className="empty">No series yet: propose one. Every change from upstream to the target goes into exactly one patch, one per subsystem.</p>
      ) : (
        <div className={`split-panes series-panes${selected ? '' : ' series-panes-single'}`}>
          <div className="pane">
            <PatchList selected={selected} failedId={check?.failed?.patchId ?? null} onSelect={setSelected} />
          </div>
          {selected && <PatchDetail key={selected} patchId={selected} />}
        </div>
      )}
      {count > 0 && <SeriesRuns onChecked={setCheck} />}
    </section>
  );
}
