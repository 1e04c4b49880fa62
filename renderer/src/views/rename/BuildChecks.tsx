/**
 * Build checks: named commands run in a temporary worktree of HEAD. The plan names each check
 * and keeps its last result; the command is this clone's own (its git config), so a check that
 * came with a plan from elsewhere shows "not defined on this machine" until someone here sets
 * its command. The log streams in as the server pushes it; a run can be cancelled.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BuildRunResult } from '../../../../shared/rename/model';
import { api, sprintStore, useSprint } from '../../store';
import { useOperation } from './useRenameStatus';
import { useOffInRoom } from '../shell/useOffInRoom';

/** The log kept per run: enough to read the end of a long build without holding all of it. */
const LOG_LIMIT = 200_000;

/** This clone's command for each build check (null: not defined here), re-read when the plan's checks change. */
function useLocalCommands(): [Record<string, string | null> | null, () => Promise<void>] {
  const builds = useSprint((s) => s.plan.builds);
  const [commands, setCommands] = useState<Record<string, string | null> | null>(null);
  const reload = useCallback(async () => {
    const list = await api.call('build.list', {});
    if (list.ok) setCommands(Object.fromEntries(list.value.builds.map((b) => [b.id, b.command])));
    else sprintStore.getState().notify('error', list.error.message);
  }, []);
  useEffect(() => {
    void reload();
  }, [builds, reload]);
  return [commands, reload];
}

function CommandForm({ id, initial, onSaved }: { id: string; initial: string; onSaved: () => void }) {
  const [command, setCommand] = useState(initial);
  const [busy, run] = useOperation();
  const save = async () => {
    if (await run(() => api.call('build.setCommand', { buildId: id, command }))) onSaved();
  };
  return (
    <form
      className="row-inline"
      onSubmit={(e) => {
        e.preventDefault();
        if (command.trim()) void save();
      }}
    >
      <input className="mono" value={command} onChange={(e) => setCommand(e.target.value)} placeholder="make ARCH=i386" aria-label="Command on this machine" data-testid={`build-command-${id}`} />
      <button type="submit" className="btn" disabled={busy || !command.trim()} data-testid={`build-save-${id}`}>
        Save command
      </button>
    </form>
  );
}

function BuildRow({ id, command, onDefined }: { id: string; command: string | null | undefined; onDefined: () => Promise<void> }) {
  const build = useSprint((s) => s.plan.builds[id]);
  const [runId, setRunId] = useState<string | null>(null);
  const [log, setLog] = useState('');
  const [result, setResult] = useState<BuildRunResult | null>(null);
  const [editing, setEditing] = useState(false);
  const [busy, run] = useOperation();
  const runOff = useOffInRoom('build.run');
  const setOff = useOffInRoom('build.setCommand');

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
  const notHere = command === null;
  return (
    <li className="panel" data-testid={`build-${id}`}>
      <div className="row-inline">
        <strong>{build.name}</strong>
        {notHere ? (
          <span className="removed" data-testid={`build-undefined-${id}`}>
            not defined on this machine
          </span>
        ) : (
          <span className="mono muted">{command}</span>
        )}
        <span className="toolbar-spacer" />
        {last && (
          <span className={last.passed ? 'added' : 'removed'} data-testid={`build-result-${id}`}>
            {last.passed ? 'passed' : last.stopped ? `stopped (${last.stopped})` : 'failed'} on {last.commit.slice(0, 12)}
          </span>
        )}
        <button type="button" className="btn" disabled={setOff !== null} title={setOff ?? undefined} onClick={() => setEditing((e) => !e)} data-testid={`build-edit-${id}`}>
          Set command
        </button>
        {runId ? (
          <button type="button" className="btn" onClick={() => void api.call('build.cancel', { runId })}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="btn"
            disabled={busy || notHere || command === undefined || runOff !== null}
            title={runOff ?? (notHere ? 'Set the command this machine runs for it first' : undefined)}
            onClick={() => void start()}
            data-testid={`build-run-${id}`}
          >
            Run
          </button>
        )}
      </div>
      {notHere && !editing && <p className="hint">It came with the plan; its command is each clone's own. Set the command this machine runs for it.</p>}
      {editing && (
        <CommandForm
          id={id}
          initial={command ?? ''}
          onSaved={() => {
            setEditing(false);
            void onDefined();
          }}
        />
      )}
      {(runId || log) && <pre className="build-log mono" data-testid={`build-log-${id}`}>{log || 'Starting…'}</pre>}
    </li>
  );
}

export function BuildChecks() {
  const order = useSprint((s) => s.plan.buildOrder);
  const [commands, reload] = useLocalCommands();
  const [name, setName] = useState('');
  const [command, setCommand] = useState('');
  const [busy, run] = useOperation();
  const addOff = useOffInRoom('build.add');
  const add = async () => {
    if (await run(() => api.call('build.add', { name, command }))) {
      setName('');
      setCommand('');
      await reload();
    }
  };
  return (
    <section aria-labelledby="builds-title" className="rename-builds">
      <h2 id="builds-title" className="panel-title">
        Build checks
      </h2>
      <p className="hint">Each runs in a temporary worktree of HEAD, never in your working tree. Its command is kept in this clone's git config, not in the shared plan.</p>
      <ul className="plain-list">
        {order.map((id) => (
          <BuildRow key={id} id={id} command={commands === null ? undefined : (commands[id] ?? null)} onDefined={reload} />
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
