/** Re-derive from folders, import from MAINTAINERS (asking first, with its warnings) or map its sections, merge the ticked subsystems. */
import { useState } from 'react';
import { api, sprintStore, useSprint } from '../../store';
import { plural } from '../common/format';
import { mergeChange } from './subsystemChanges';
import { MaintainersImport } from './MaintainersImport';
import { MaintainersMapPanel } from './MaintainersMapPanel';

function MergeControl({ ticked, onMerged }: { ticked: string[]; onMerged: () => void }) {
  const subsystems = useSprint((s) => s.plan.subsystems);
  const [into, setInto] = useState('');
  const target = ticked.includes(into) ? into : (ticked[0] ?? '');
  const merge = async () => {
    const change = mergeChange(ticked, target);
    if (typeof change === 'string') return sprintStore.getState().notify('error', change);
    if (await sprintStore.getState().applyLocal(change)) onMerged();
  };
  return (
    <div className="row-inline">
      <button type="button" className="btn" disabled={ticked.length < 2} onClick={() => void merge()} data-testid="merge-subsystems">
        Merge {ticked.length >= 2 ? ticked.length : ''} ticked
      </button>
      {ticked.length >= 2 && (
        <label className="field-inline">
          into
          <select value={target} onChange={(e) => setInto(e.target.value)}>
            {ticked.map((id) => (
              <option key={id} value={id}>
                {subsystems[id]?.name ?? id}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

export function SubsystemsToolbar({ ticked, onMerged }: { ticked: string[]; onMerged: () => void }) {
  const count = useSprint((s) => s.plan.subsystemOrder.length);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [refused, setRefused] = useState<{ path: string; message: string } | null>(null);
  const [mapOf, setMapOf] = useState<string | null>(null);
  const st = sprintStore.getState;

  const derive = async () => {
    setConfirming(false);
    setBusy(true);
    await st().runPlanOperation('derive subsystems from folders', async () => {
      const res = await api.call('subsystems.derive', {});
      if (res.ok) return res.value;
      st().notify('error', res.error.message);
      return null;
    });
    setBusy(false);
  };

  return (
    <>
      <div className="toolbar" role="toolbar" aria-label="Subsystems">
        {confirming ? (
          <span className="row-inline" role="group" aria-label="Confirm re-derive">
            Replace all {count} subsystems (owners and states go with them)?
            <button type="button" className="btn btn-danger" onClick={() => void derive()} data-testid="derive-confirm">
              Re-derive
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" className="btn" disabled={busy} onClick={() => (count > 0 ? setConfirming(true) : void derive())} data-testid="derive">
            Re-derive from folders
          </button>
        )}
        <MaintainersImport
          onWarnings={(w) => {
            setWarnings(w);
            setRefused(null);
          }}
          onRefused={(path, message) => setRefused({ path, message })}
        />
        <button type="button" className="btn" onClick={() => setMapOf(refused?.path ?? 'MAINTAINERS')} data-testid="open-maintainers-map">
          Map sections to folders
        </button>
        <span className="toolbar-spacer" />
        <MergeControl ticked={ticked} onMerged={onMerged} />
      </div>
      {refused && (
        <div className="panel panel-warn" role="status" data-testid="maintainers-refused">
          <div className="row-inline">
            <p>{refused.message}</p>
            <span className="toolbar-spacer" />
            <button type="button" className="btn-icon" aria-label="Dismiss" onClick={() => setRefused(null)}>
              ×
            </button>
          </div>
        </div>
      )}
      {mapOf !== null && <MaintainersMapPanel path={mapOf} onClose={() => setMapOf(null)} />}
      {warnings.length > 0 && (
        <div className="panel panel-warn" role="status" data-testid="maintainers-warnings">
          <div className="row-inline">
            <h2 className="panel-title">MAINTAINERS: {plural(warnings.length, 'line')} skipped</h2>
            <button type="button" className="btn-icon" aria-label="Dismiss warnings" onClick={() => setWarnings([])}>
              ×
            </button>
          </div>
          <ul className="warning-list">
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
