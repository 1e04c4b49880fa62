/**
 * The rename plan's "done means" on the built-in demo, from the command line: the Xen team's
 * three rules, the interim copies in one step, both layouts' build checks passing, edits on
 * either side shown as drift and synced, and the finished moves seen by git as renames.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { cleanup, git, makeCommit, tempDir } from '../../helpers/repo';
import { runCli, type CliRun } from './core-helpers';

const RULES: Array<[string, string]> = [
  ['arch/xen/kernel', 'drivers/xen/core'],
  ['arch/xen/i386', 'arch/i386/xen'],
  ['arch/xen/x86_64', 'arch/x86_64/xen'],
];

const parent = tempDir();
afterAll(() => cleanup(parent));

async function json<T>(args: string[]): Promise<T> {
  const run = await runCli([...args, '--json']);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/** Each build check's verdict line, by name: "PASS" or "FAIL (exit 1)". */
function verdicts(run: CliRun): Record<string, string> {
  return Object.fromEntries([...run.stdout.matchAll(/^== (.+): (PASS|FAIL \(exit \d+\)) on [0-9a-f]{12}$/gm)].map((m) => [m[1], m[2]]));
}

const filesUnder = (repo: string, rev: string, folder: string): string[] =>
  git(repo, ['ls-tree', '-r', '-z', '--name-only', rev, '--', folder]).split('\0').filter(Boolean);

test('the demo: three rules, interim copies, both layouts build, drift and sync, moves that git sees as renames', async () => {
  const made = await runCli(['demo', path.join(parent, 'demo')]);
  expect(made.code, made.stderr).toBe(0);
  const repo = made.stdout.trim();

  // Before the copies: the old layout passes, the new one names the folders it misses.
  const first = await runCli(['build', 'run', '--repo', repo]);
  expect(first.code).toBe(1);
  expect(verdicts(first)).toEqual({ 'old layout': 'PASS', 'new layout': 'FAIL (exit 1)' });
  expect(first.stdout).toMatch(/^ {2}missing folder arch\/i386\/xen$/m);
  expect(first.stderr).toMatch(/1 build check\(s\) failed: new layout/);

  const ids: string[] = [];
  for (const [from, to] of RULES) {
    const added = await json<{ rule: { id: string; phase: string } }>(['rename', 'add', '--repo', repo, '--from', from, '--to', to]);
    expect(added.rule.phase).toBe('planned');
    ids.push(added.rule.id);
  }
  const beforeCopies = git(repo, ['rev-parse', 'HEAD']).trim();
  const copied = await json<{ copies: { ruleId: string; commit: string }[] }>(['rename', 'copy', '--repo', repo]);
  expect(copied.copies.map((c) => c.ruleId)).toEqual(ids);

  const withCopies = await runCli(['build', 'run', '--repo', repo]);
  expect(withCopies.code, withCopies.stdout).toBe(0);
  expect(verdicts(withCopies)).toEqual({ 'old layout': 'PASS', 'new layout': 'PASS' });

  // Plain git commits: one on a source file, one on a destination file.
  const evtchn = path.join(repo, 'arch/xen/kernel/evtchn.c');
  makeCommit(repo, { files: { 'arch/xen/kernel/evtchn.c': `${readFileSync(evtchn, 'utf8')}/* Debug counter for event channel upcalls. */\n` }, message: 'xen: evtchn debug counter' });
  const time = path.join(repo, 'arch/i386/xen/kernel/time.c');
  makeCommit(repo, { files: { 'arch/i386/xen/kernel/time.c': `${readFileSync(time, 'utf8')}/* Shadow time is read under the seqlock. */\n` }, message: 'xen/i386: time comment' });
  const drift = await json<{ ruleId: string; files: { rel: string; kind: string }[] }[]>(['rename', 'drift', '--repo', repo]);
  expect(drift.filter((r) => r.files.length > 0).map((r) => [r.ruleId, r.files.map((f) => [f.rel, f.kind])])).toEqual([
    [ids[0], [['evtchn.c', 'source']]],
    [ids[1], [['kernel/time.c', 'destination']]],
  ]);
  const synced = await runCli(['rename', 'sync', '--repo', repo]);
  expect(synced.code, synced.stderr).toBe(0);
  expect(git(repo, ['show', 'HEAD:drivers/xen/core/evtchn.c'])).toMatch(/Debug counter for event channel upcalls/);
  expect(git(repo, ['show', 'HEAD:arch/xen/i386/kernel/time.c'])).toMatch(/Shadow time is read under the seqlock/);
  expect((await json<{ files: unknown[] }[]>(['rename', 'drift', '--repo', repo])).every((r) => r.files.length === 0)).toBe(true);

  const finished = await json<{ ruleId: string; renames: { renamed: number; notRenamed: unknown[] } }[]>(['rename', 'finish', '--repo', repo]);
  expect(finished.map((f) => f.ruleId)).toEqual(ids);
  for (const f of finished) expect(f.renames.notRenamed).toEqual([]);
  expect(git(repo, ['status', '--porcelain', '--untracked-files=all'])).toBe('');

  // From before the copies to the moves, every file of the three folders is a rename.
  const status = git(repo, ['diff', '-M', '--name-status', '-z', beforeCopies, 'HEAD']).split('\0').filter(Boolean);
  const renames = new Map<string, string>();
  for (let i = 0; i < status.length; ) {
    const kind = status[i++] as string;
    if (kind.startsWith('R')) {
      renames.set(status[i] as string, status[i + 1] as string);
      i += 2;
    } else {
      throw new Error(`not a rename: ${kind} ${status[i] ?? ''}`);
    }
  }
  const expected = RULES.flatMap(([from, to]) => filesUnder(repo, beforeCopies, from).map((f): [string, string] => [f, to + f.slice(from.length)]));
  expect(expected.length).toBeGreaterThan(40);
  expect([...renames.entries()].sort()).toEqual(expected.sort());

  // After the moves the old layout's folders are gone; the moved Makefiles still name them, as
  // the old-path references list says, until they are switched to the new folders.
  const moved = await runCli(['build', 'run', '--repo', repo]);
  expect(moved.code).toBe(1);
  expect(verdicts(moved)).toEqual({ 'old layout': 'FAIL (exit 1)', 'new layout': 'FAIL (exit 1)' });
  expect(moved.stdout).toMatch(/^ {2}missing folder arch\/xen\/i386$/m);
  expect(moved.stdout).toMatch(/^ {2}missing folder arch\/xen\/i386\/kernel \(core-y in arch\/i386\/xen\/Makefile\)$/m);
  const refs = await json<{ references: { path: string; kind: string; text: string }[] }[]>(['rename', 'refs', '--repo', repo]);
  const coreY = refs.flatMap((r) => r.references).filter((r) => r.text.startsWith('core-y'));
  expect(coreY.map((r) => [r.path, r.kind])).toEqual([['arch/i386/xen/Makefile', 'makefile'], ['arch/x86_64/xen/Makefile', 'makefile']]);
  const switched: Record<string, string> = {};
  for (const [from, to] of RULES.slice(1)) {
    const makefile = `${to}/Makefile`;
    switched[makefile] = readFileSync(path.join(repo, makefile), 'utf8').split(`${from}/`).join(`${to}/`);
  }
  makeCommit(repo, { files: switched, message: 'xen: the sub-architecture Makefiles name their new folders' });
  const fixed = await runCli(['build', 'run', '--repo', repo]);
  expect(verdicts(fixed)).toEqual({ 'old layout': 'FAIL (exit 1)', 'new layout': 'PASS' });
}, 90_000);
