/**
 * Build checks: named commands run in a temporary worktree of HEAD. The log streams in as the
 * server pushes it; a run can be cancelled; the last result shows with the commit it ran on.
 */
import { useEffect, useState } from 'react';
import type { BuildRunResult } from '../../../../shared/rename/model';
import { api, useSprint } from '../../store';
import { useOperation } from './useRenameStatus';
import { useOffInRoom } from '../shell/useOffInRoom';

/** The log kept per run: enough to read the end of a long build without holding all of it. */
const LOG_LIMIT = 200_000;

function BuildRow({ id }: { id: string }) {
  const build = useSprint((s) => s.plan.builds[id]);
  const [runId, setRunId] = useState<string | null>(null);
  const [log, setLog] = useState('');
  const [result, setResult] = useState<BuildRunResult | null>(null);
  const [busy, run] = useOperation();
  const runOff = useOffInRoom('build.run');

  useEffect(() => {
    if (!runId) return;
    return api.subscribe((push) => {
      if (push.type === 'build.log' && push.runId === runId) setLog((l) => (l + push.chunk).slice(-LOG_LIMIT));
      if (push.type === 'build.done' && push.result.runId === runId) {
        setResult(push.result);
        setRunId(null);
      }
    });
  }, [runId]);

  if (!build) return null;
  const start = async () => {
    setLog('');
    setResult(null);
    const started = await run(() => api.call('build.run', { buildId: id }));
    if (started) setRunId(started.runId);
  };
  const last = result ?? (build.last ? { passed: build.last.passed, commit: build.last.commit, stopped: null } : null);
  return (
    <li className="panel" data-testid={`build-${id}`}>
      <div className="row-inline">
        <strong>{build.name}</strong>
        <span className="mono muted">{build.command}</span>
        <span className="toolbar-spacer" />
        {last && (
          <span className={last.passed ? 'added' : 'removed'} data-testid={`build-result-${id}`}>
            {last.passed ? 'passed' : last.stopped ? `stopped (${last.stopped})` : 'failed'} on {last.commit.slice(0, 12)}
          </span>
        )}
        {runId ? (
          <button type="button" className="btn" onClick={() => void api.call('build.cancel', { runId })}>
            Cancel
          </button>
        ) : (
          <button type="button" className="btn" disabled={busy || runOff !== null} title={runOff ?? undefined} onClick={() => void start()} data-testid={`build-run-${id}`}>
            Run
          </button>
        )}
      </div>
      {(runId || log) && <pre className="build-log mono" data-testid={`build-log-${id}`}>{log || 'Starting…'}</pre>}
    </li>
  );
}

export function BuildChecks() {
  const order = useSprint((s) => s.plan.buildOrder);
  const [name, setName] = useState('');
  const [command, setCommand] = useState('');
  const [busy, run] = useOperation();
  const addOff = useOffInRoom('build.add');
  const add = async () => {
    if (await run(() => api.call('build.add', { name, command }))) {
      setName('');
      setCommand('');
    }
  };
  return (
    <section aria-labelledby="builds-title" className="rename-builds">
      <h2 id="builds-title" className="panel-title">
        Build checks
      </h2>
      <p className="hint">Each runs in a temporary worktree of HEAD, never in your working tree.</p>
      <ul className="plain-list">
        {order.map((id) => (
          <BuildRow key={id} id={id} />
        ))}
      </ul>
      {addOff && <p className="hint">{addOff}</p>}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() && command.trim()) void add();
        }}
      >
        <label className="field">
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="new layout" data-testid="build-name" />
        </label>
        <label className="field">
          Command
          <input className="mono" value={command} onChange={(e) => setCommand(e.target.value)} placeholder="make ARCH=i386" data-testid="build-command" />
        </label>
        <button type="submit" className="btn" disabled={busy || !name.trim() || !command.trim() || addOff !== null} title={addOff ?? undefined} data-testid="build-add">
          Add build check
        </button>
      </form>
    </section>
  );
}
