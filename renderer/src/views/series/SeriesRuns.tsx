/**
 * Check, export and drift: the buttons and what they found. A check with a build streams its
 * log (`series.log` pushes for its run id) and can be canceled; the export is SeriesExport.
 * Upstream's drift is the series slice's, looked for when the view opens and whenever the series
 * or the refs move; it shows by itself once upstream has moved, and always once asked for.
 */
import { useEffect, useState } from 'react';
import type { CheckReport, DriftReport } from '../../../../shared/series/reports';
import { api, sprintStore, useSprint } from '../../store';
import { SeriesExport } from './SeriesExport';
import { useOffInRoom } from '../shell/useOffInRoom';

const newRunId = (): string => `series-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

function CheckResult({ report }: { report: CheckReport }) {
  const good = report.treeMatches && !report.failed && !report.canceled;
  return (
    <div className={`panel${good ? '' : ' panel-warn'}`} role="status" data-testid="check-result">
      <h2 className="panel-title">Check</h2>
      <p data-testid="check-summary">{report.summary}</p>
      {report.failed && <pre className="mono series-log">{report.failed.reason}</pre>}
      {report.warnings.length > 0 && (
        <ul className="warning-list">
          {report.warnings.map((w, i) => (
            <li key={i}>{w.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DriftResult({ report }: { report: DriftReport }) {
  return (
    <div className={`panel${report.patches.some((p) => !p.applies) ? ' panel-warn' : ''}`} role="status" data-testid="drift-result">
      <h2 className="panel-title">Upstream</h2>
      <p>{report.summary}</p>
      <ul className="plain-list">
        {report.patches
          .filter((p) => !p.applies || p.upstreamCommits.length > 0)
          .map((p) => (
            <li key={p.patchId}>
              {p.applies ? 'applies' : 'no longer applies'}: {p.subject}
              {p.upstreamCommits.map((c) => (
                <div key={c.commit} className="mono muted">
                  {c.commit.slice(0, 12)} {c.subject}
                </div>
              ))}
            </li>
          ))}
      </ul>
    </div>
  );
}

export function SeriesRuns({ onChecked }: { onChecked: (report: CheckReport | null) => void }) {
  const builds = useSprint((s) => s.plan.builds);
  const buildOrder = useSprint((s) => s.plan.buildOrder);
  const [build, setBuild] = useState('');
  const [lineLimit, setLineLimit] = useState('');
  const [runId, setRunId] = useState<string | null>(null);
  const [log, setLog] = useState('');
  const [check, setCheck] = useState<CheckReport | null>(null);
  const upstream = useSprint((s) => s.seriesUpstream);
  const [asked, setAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  const checkOff = useOffInRoom('series.check');
  const notify = (text: string) => sprintStore.getState().notify('error', text);

  useEffect(() => {
    if (!runId) return undefined;
    return api.subscribe((push) => {
      if (push.type === 'series.log' && push.runId === runId) setLog((l) => l + push.chunk);
    });
  }, [runId]);

  const runCheck = async () => {
    const id = newRunId();
    setRunId(id);
    setLog('');
    setBusy(true);
    const limit = Number(lineLimit);
    // Every step is checked to hold together too: it needs no worktree of its own and names the first that does not.
    const res = await api.call('series.check', { runId: id, each: true, ...(build ? { build } : {}), ...(limit > 0 ? { lineLimit: Math.trunc(limit) } : {}) });
    setBusy(false);
    if (!res.ok) return notify(res.error.message);
    setCheck(res.value);
    onChecked(res.value);
  };
  const runDrift = async () => {
    setBusy(true);
    const res = await sprintStore.getState().checkUpstream();
    setBusy(false);
    // null: a newer look answered first, and it is the one shown.
    if (res && !res.ok) return notify(res.error.message);
    setAsked(true);
  };
  const drift = upstream && (upstream.moved || asked) ? upstream : null;

  return (
    <section className="series-runs" aria-label="Check and export">
      <div className="toolbar" role="toolbar" aria-label="Check">
        <label className="field-inline">
          Build after each patch
          <select value={build} onChange={(e) => setBuild(e.target.value)} data-testid="check-build">
            <option value="">(none)</option>
            {buildOrder.map((id) => (
              <option key={id} value={id}>
                {builds[id]?.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          Line limit
          <input className="input-short" inputMode="numeric" value={lineLimit} onChange={(e) => setLineLimit(e.target.value)} placeholder="none" />
        </label>
        <button type="button" className="btn btn-primary" disabled={busy || checkOff !== null} title={checkOff ?? undefined} onClick={() => void runCheck()} data-testid="check">
          Check the series
        </button>
        {busy && runId && build && (
          <button type="button" className="btn" onClick={() => void api.call('series.cancel', { runId })}>
            Cancel
          </button>
        )}
        <button type="button" className="btn" disabled={busy} onClick={() => void runDrift()} data-testid="drift">
          Has upstream moved?
        </button>
      </div>
      <SeriesExport busy={busy} setBusy={setBusy} />
      {log && <pre className="mono series-log" data-testid="check-log">{log}</pre>}
      {check && <CheckResult report={check} />}
      {drift && <DriftResult report={drift} />}
    </section>
  );
}
