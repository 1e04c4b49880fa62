/**
 * Upstream move benchmark (`npx tsx bench/upstream.ts`, and part of `npm run bench`): on the
 * Linux-size repository, a newer upstream of 20 commits changes 200 twins of fork copies and 100
 * other files. Our preview (commits in scope, each twin's three-way port, the merge's conflicts)
 * against the raw git commands it needs, in the same run: `git log` and `git diff-tree` of the
 * upstream folders, `git merge-tree`, and per twin `git cat-file` of the three versions plus
 * `git merge-file`, four twins at a time as ours. The last line is the ratio.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { applyChange } from '../shared/plan/apply';
import { emptyPlan } from '../shared/model';
import { planUpstreamMove } from '../electron/core/upstream/preview';
import { renameContext } from '../test/core/rename/memory-plan';
import { LINUX_FORK_REF, LINUX_UPSTREAM_REF, makeLinuxSizeRepo, type LinuxSizeRepo } from './linux-repo';

const run = promisify(execFile);
const git = async (repo: string, args: string[], input?: string): Promise<string> => {
  const child = run('git', args, { cwd: repo, maxBuffer: 1 << 30, env: { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'b@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'b@example.org' } });
  if (input !== undefined) child.child.stdin?.end(input);
  return (await child.catch((e: { stdout?: string; code?: number }) => (e.code === 1 ? { stdout: e.stdout ?? '' } : Promise.reject(e)))).stdout;
};

export interface UpstreamBench {
  twins: number;
  commits: number;
  ms: number;
  rawMs: number;
  ratio: number;
  summary: string;
}

const NEXT = 'upstream-next';

/** 20 upstream commits on top of the upstream ref: 200 twins of fork copies and 100 other files get a fix at their end. */
async function makeNewerUpstream(fixture: LinuxSizeRepo): Promise<string[]> {
  const { repo } = fixture;
  const copies = (await git(repo, ['ls-tree', '-r', '--name-only', '-z', LINUX_FORK_REF, '--', ...fixture.pairings.map((p) => p.fork)])).split('\0').filter(Boolean);
  const upstreamFiles = new Set((await git(repo, ['ls-tree', '-r', '--name-only', '-z', LINUX_UPSTREAM_REF])).split('\0').filter(Boolean));
  const twins = copies.map((c) => {
    const p = fixture.pairings.find((x) => c.startsWith(`${x.fork}/`));
    return p ? p.upstream + c.slice(p.fork.length) : c;
  }).filter((t) => upstreamFiles.has(t)).slice(0, 200);
  const others = [...upstreamFiles].filter((f) => f.startsWith('fs/')).slice(0, 100);
  const files = [...twins, ...others];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'upstream-bench-'));
  const env = { ...process.env, GIT_INDEX_FILE: path.join(tmp, 'index') };
  let parent = (await git(repo, ['rev-parse', LINUX_UPSTREAM_REF])).trim();
  await run('git', ['read-tree', parent], { cwd: repo, env });
  for (let c = 0; c < 20; c++) {
    for (const f of files.slice(c * 15, c * 15 + 15)) {
      const text = `${await git(repo, ['cat-file', 'blob', `${parent}:${f}`])}/* upstream fix ${c} */\n`;
      const file = path.join(tmp, 'blob');
      writeFileSync(file, text);
      const oid = (await git(repo, ['hash-object', '-w', file])).trim();
      await run('git', ['update-index', '--cacheinfo', `100644,${oid},${f}`], { cwd: repo, env });
    }
    const tree = (await run('git', ['write-tree'], { cwd: repo, env })).stdout.trim();
    parent = (await git(repo, ['commit-tree', tree, '-p', parent, '-m', `upstream fix ${c}`])).trim();
  }
  await git(repo, ['update-ref', `refs/heads/${NEXT}`, parent]);
  rmSync(tmp, { recursive: true, force: true });
  return twins;
}

async function rawPreview(repo: string, dirs: string[], twins: string[], copyOf: Map<string, string>): Promise<void> {
  await Promise.all([
    git(repo, ['log', '-z', '--format=%H%x1f%an%x1f%aI%x1f%s', `${LINUX_UPSTREAM_REF}..${NEXT}`, '--', ...dirs]),
    git(repo, ['diff-tree', '-r', '-z', '--raw', '--no-renames', LINUX_UPSTREAM_REF, NEXT, '--', ...dirs]),
    git(repo, ['merge-tree', '--write-tree', '-z', '--name-only', '--no-messages', LINUX_FORK_REF, NEXT]),
  ]);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'upstream-raw-'));
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < twins.length; i = next++) {
      const twin = twins[i] as string;
      const names = ['ours', 'base', 'theirs'].map((n) => path.join(scratch, `${i}-${n}`));
      const revs = [`${LINUX_FORK_REF}:${copyOf.get(twin)}`, `${LINUX_UPSTREAM_REF}:${twin}`, `${NEXT}:${twin}`];
      await Promise.all(revs.map(async (rev, k) => writeFileSync(names[k] as string, await git(repo, ['cat-file', 'blob', rev]))));
      await git(repo, ['merge-file', '--diff3', ...names]);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  rmSync(scratch, { recursive: true, force: true });
}

export async function benchUpstream(fixture: LinuxSizeRepo): Promise<UpstreamBench> {
  const twins = await makeNewerUpstream(fixture);
  const { repo } = fixture;
  await git(repo, ['checkout', '-q', LINUX_FORK_REF]);
  const start = applyChange(emptyPlan(), { type: 'sprint.init', ...fixture.settings });
  if (!start.ok) throw new Error(start.error.message);
  const ctx = renameContext(repo, start.value);
  const copyOf = new Map(twins.map((t) => {
    const p = fixture.pairings.find((x) => t.startsWith(`${x.upstream}/`));
    return [t, p ? p.fork + t.slice(p.upstream.length) : t];
  }));
  const dirs = fixture.pairings.map((p) => p.upstream);
  // One warm-up of each (the object cache), then the best of three.
  let best = Infinity;
  let bestRaw = Infinity;
  let found = 0;
  for (let round = 0; round < 4; round++) {
    let t = performance.now();
    const planned = await planUpstreamMove(ctx, NEXT);
    if (!planned.ok) throw new Error(planned.error.message);
    found = planned.value.preview.twins.length;
    if (round > 0) best = Math.min(best, performance.now() - t);
    t = performance.now();
    await rawPreview(repo, dirs, twins, copyOf);
    if (round > 0) bestRaw = Math.min(bestRaw, performance.now() - t);
  }
  const ratio = best / bestRaw;
  const summary = `preview of ${found} twins and 20 upstream commits ${best.toFixed(0)} ms; raw git ${bestRaw.toFixed(0)} ms; ratio ${ratio.toFixed(2)}`;
  return { twins: found, commits: 20, ms: best, rawMs: bestRaw, ratio, summary };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'merge-sprint-bench-'));
  try {
    const result = await benchUpstream(await makeLinuxSizeRepo(path.join(dir, 'linux')));
    process.stdout.write(`upstream: ${result.summary}\nupstream preview ratio against raw git: ${result.ratio.toFixed(2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
