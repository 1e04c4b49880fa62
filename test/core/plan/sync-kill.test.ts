/**
 * A sync killed after its fetch, after its merge, before its push and while git pushes leaves
 * the plan here at its head from before or after the merge, and the remote's at its head from
 * before or after the push, never between; the next sync finishes the work, with every event.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { KILL_AT_VARIABLE } from '../../../electron/core/rename/checkpoint';
import { openRepoServices } from '../../../electron/core/host/services';
import { emptyLog, loadLog } from '../../../electron/core/plan/log';
import { readPlanHead } from '../../../electron/core/plan/plan-ref';
import { syncPlan } from '../../../electron/core/plan/sync';
import { cleanup, git } from '../../helpers/repo';
import { makeTeam, type Laptop } from '../../helpers/remotes';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..', '..');
const RUNNER = path.join(HERE, 'fixtures', 'sync-runner.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

async function stateChange(l: Laptop, folder: string, state: 'Done' | 'Review'): Promise<void> {
  const opened = await openRepoServices(l.repo, { actor: { name: l.name, email: l.email }, log: () => undefined });
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    const { plan } = await opened.value.plan.snapshot();
    const card = Object.values(plan.subsystems).find((s) => s.source.kind === 'folder' && s.source.folder === folder);
    const done = await opened.value.plan.change({ type: 'card.state', subsystemId: card?.id ?? '', state }, { name: l.name, email: l.email });
    if (!done.ok) throw new Error(done.error.message);
  } finally {
    opened.value.dispose();
  }
}

function run(repo: string, killAt: string | null, onLine?: (line: string, kill: () => void) => void) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (killAt) env[KILL_AT_VARIABLE] = killAt;
  else delete env[KILL_AT_VARIABLE];
  const child = spawn(process.execPath, ['--import', TSX, RUNNER, repo], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const killGroup = (): void => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString('utf8');
    onLine?.(out, killGroup);
  });
  child.stderr.resume();
  return new Promise<{ signal: NodeJS.Signals | null; out: string }>((resolve) => child.on('close', (_code, signal) => resolve({ signal, out })));
}

const remoteHead = (remote: string): string => git(remote, ['rev-parse', 'refs/merge-sprint/plan']).trim();

describe('a sync killed part way', () => {
  it.each(['sync:after-fetch', 'sync:after-merge', 'sync:before-push', 'during the push'])('leaves both plans before or after when killed %s, and the next sync finishes', async (where) => {
    const team = await makeTeam(['Keir Fraser', 'Ian Pratt']);
    dirs.push(team.dir);
    const [keir, ian] = team.laptops as [Laptop, Laptop];
    for (const l of [keir, ian]) expect((await syncPlan(l.repo, { actor: { name: l.name, email: l.email } })).ok).toBe(true);
    await stateChange(keir, 'arch/xen/i386/mm', 'Done');
    expect((await syncPlan(keir.repo, { actor: { name: keir.name, email: keir.email } })).ok).toBe(true);
    // Ian has a change of his own, so his sync merges (a new commit) and then pushes.
    await stateChange(ian, 'drivers/xen/blkfront', 'Review');
    const localBefore = await readPlanHead(ian.repo);
    const remoteBefore = remoteHead(team.remote);

    let killedInPush = false;
    if (where === 'during the push') {
      const started = path.join(team.dir, 'push-started');
      const hook = path.join(team.remote, 'hooks', 'pre-receive');
      writeFileSync(hook, `#!/bin/sh\ntouch '${started}'\nsleep 30\n`);
      chmodSync(hook, 0o755);
      await run(ian.repo, null, (_out, kill) => {
        const poll = setInterval(() => {
          if (!existsSync(started)) return;
          clearInterval(poll);
          killedInPush = true;
          kill();
        }, 20);
      });
      expect(killedInPush).toBe(true);
      chmodSync(hook, 0o644);
    } else {
      const exit = await run(ian.repo, where);
      expect(exit.signal).toBe('SIGKILL');
    }

    const localAfterKill = await readPlanHead(ian.repo);
    const remoteAfterKill = remoteHead(team.remote);
    // Before: the head it had. After: the merge of both, which holds both heads.
    if (localAfterKill !== localBefore) {
      // git exits 1, which throws here, unless the first is an ancestor of the second.
      git(ian.repo, ['merge-base', '--is-ancestor', localBefore, localAfterKill]);
      git(ian.repo, ['merge-base', '--is-ancestor', remoteBefore, localAfterKill]);
    }
    expect([remoteBefore, localAfterKill]).toContain(remoteAfterKill);
    const logAfterKill = await loadLog(ian.repo, localAfterKill, emptyLog());
    expect(logAfterKill.problems).toEqual([]);

    const next = await syncPlan(ian.repo, { actor: { name: ian.name, email: ian.email } });
    expect(next.ok).toBe(true);
    const final = await readPlanHead(ian.repo);
    expect(remoteHead(team.remote)).toBe(final);
    const { plan } = await loadLog(ian.repo, final, emptyLog());
    const state = (folder: string) => Object.values(plan.subsystems).find((s) => s.source.kind === 'folder' && s.source.folder === folder)?.state;
    expect([state('arch/xen/i386/mm'), state('drivers/xen/blkfront')]).toEqual(['Done', 'Review']);
  }, 90_000);
});
