/**
 * `merge-sprint inventory` as a separate process: the files listed and their counts must be
 * what git itself says for the same pairs of blobs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, git } from '../../helpers/repo';
import { makeForkRepo, runCli } from './core-helpers';

interface JsonFile {
  path: string;
  upstreamPath: string;
  status: string;
  added: number;
  removed: number;
  binary: boolean;
}

let repo: string;
let emptyBlob: string;

/** Blob id of `ref:path`, or null when the ref has no such file. */
function blobAt(ref: string, path: string): string | null {
  const out = git(repo, ['ls-tree', '-z', ref, '--', `:(literal)${path}`]);
  const record = out.split('\0').find((r) => r.endsWith(`\t${path}`));
  return record ? (record.split(/\s/)[2] ?? null) : null;
}

/** What `git diff --numstat` reports for two blobs (a missing side is the empty blob). */
function numstat(a: string | null, b: string | null): { added: number; removed: number; binary: boolean } {
  const out = git(repo, ['diff', '--numstat', a ?? emptyBlob, b ?? emptyBlob]);
  // Same blob: git prints nothing, no line changed.
  if (out === '') return { added: 0, removed: 0, binary: false };
  const [added, removed] = out.split('\t');
  if (added === '-') return { added: 0, removed: 0, binary: true };
  return { added: Number(added), removed: Number(removed), binary: false };
}

/** Files of `ref` under `dir`, relative to it. */
function filesUnder(ref: string, dir: string): string[] {
  return git(repo, ['ls-tree', '-r', '-z', '--name-only', ref, '--', `${dir}/`])
    .split('\0')
    .filter((p) => p !== '')
    .map((p) => p.slice(dir.length + 1));
}

beforeAll(() => {
  repo = makeForkRepo();
  emptyBlob = git(repo, ['hash-object', '-w', '--stdin'], { input: '' }).trim();
});
afterAll(() => cleanup(repo));

describe('merge-sprint inventory --json', () => {
  it('lists every file of a pairing and the files changed outside it, with git numstat counts', async () => {
    const run = await runCli(['inventory', '--repo', repo, '--upstream', 'v1', '--fork', 'fork', '--pair', 'xen/i386=arch/i386', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { files: JsonFile[] };
    for (const f of out.files) expect(Object.keys(f).sort()).toEqual(['added', 'binary', 'path', 'removed', 'status', 'upstreamPath']);

    // Expected set, from git: inside the pairing the union of both folders, outside what differs.
    const rels = new Set([...filesUnder('fork', 'xen/i386'), ...filesUnder('v1', 'arch/i386')]);
    const outside = git(repo, ['diff', '--name-only', '-z', 'v1', 'fork', '--', '.', ':(exclude)xen/i386'])
      .split('\0')
      .filter((p) => p !== '');
    const expected = [...[...rels].map((r) => ({ path: `xen/i386/${r}`, upstreamPath: `arch/i386/${r}` })), ...outside.map((p) => ({ path: p, upstreamPath: p }))];
    expect(out.files.map((f) => [f.path, f.upstreamPath]).sort()).toEqual(expected.map((e) => [e.path, e.upstreamPath]).sort());

    for (const f of out.files) {
      const up = blobAt('v1', f.upstreamPath);
      const fork = blobAt('fork', f.path);
      const expectedStatus = up === null ? 'fork-only' : fork === null ? 'upstream-only' : up === fork ? 'identical' : 'modified';
      expect({ path: f.path, status: f.status }).toEqual({ path: f.path, status: expectedStatus });
      expect({ path: f.path, ...numstat(up, fork) }).toEqual({ path: f.path, added: f.added, removed: f.removed, binary: f.binary });
    }
    // The fixture really holds each case.
    const statuses = new Set(out.files.map((f) => f.status));
    expect([...statuses].sort()).toEqual(['fork-only', 'identical', 'modified', 'upstream-only']);
    expect(out.files.some((f) => f.binary)).toBe(true);
    expect(out.files.some((f) => f.path.includes('\n'))).toBe(true);
  });

  it('prints a readable table with totals per status', async () => {
    const run = await runCli(['inventory', '--repo', repo, '--upstream', 'v1', '--fork', 'fork', '--pair', 'xen/i386=arch/i386']);
    expect(run.code).toBe(0);
    const json = JSON.parse((await runCli(['inventory', '--repo', repo, '--upstream', 'v1', '--fork', 'fork', '--pair', 'xen/i386=arch/i386', '--json'])).stdout) as { files: JsonFile[] };
    const modified = json.files.filter((f) => f.status === 'modified');
    const added = modified.reduce((n, f) => n + f.added, 0);
    const removed = modified.reduce((n, f) => n + f.removed, 0);
    const totalLine = run.stdout.split('\n').find((l) => /^modified\s+\d+\s+\+\d+\s+-\d+$/.test(l));
    expect(totalLine?.split(/\s+/)).toEqual(['modified', String(modified.length), `+${added}`, `-${removed}`]);
    // A path with a newline is shown quoted, so each file stays on one line.
    expect(run.stdout).toContain(JSON.stringify('xen/i386/ünï\ncode.c'));
  });

  it('uses the sprint plan when no refs are given, and writes nothing itself', async () => {
    const before = git(repo, ['for-each-ref']);
    const none = await runCli(['inventory', '--repo', repo, '--json']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/No sprint has been started/);
    expect(git(repo, ['for-each-ref'])).toBe(before);

    const init = await runCli(['init', '--repo', repo, '--upstream', 'v1', '--fork', 'fork', '--pair', 'xen/i386=arch/i386']);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const fromPlan = JSON.parse((await runCli(['inventory', '--repo', repo, '--json'])).stdout) as { files: JsonFile[] };
    const direct = JSON.parse((await runCli(['inventory', '--repo', repo, '--upstream', 'v1', '--fork', 'fork', '--pair', 'xen/i386=arch/i386', '--json'])).stdout) as { files: JsonFile[] };
    expect(fromPlan.files).toEqual(direct.files);
    expect(git(repo, ['status', '--porcelain'])).toBe('');
  });
});
