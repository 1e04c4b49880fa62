/**
 * Pairing suggestions: fork folders (in the fork ref, not in upstream at the same path) whose
 * files' relative names largely exist under one upstream folder. `arch/xen/i386/kernel/setup.c`
 * next to upstream `arch/i386/kernel/setup.c` suggests `arch/xen/i386` = `arch/i386`.
 */
import type { PairingSuggestion } from '../../../shared/model';
import { ok, type Result } from '../../../shared/result';
import { resolveCommit } from '../git/refs';
import { lsTree } from '../git/trees';

/** A suggestion needs at least this share of the fork folder's files to exist upstream... */
export const MIN_SCORE = 0.5;
/** ...and more than one of them: a lone shared name (a Makefile) is no evidence of a twin. */
export const MIN_MATCHED = 2;

const parentDirs = (path: string): string[] => {
  const dirs: string[] = [];
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) dirs.push(path.slice(0, i));
  return dirs;
};

const baseName = (dir: string): string => dir.slice(dir.lastIndexOf('/') + 1);
const isUnderDir = (path: string, dir: string): boolean => dir === '' || path === dir || path.startsWith(`${dir}/`);

/** Orders possible twins of `fork`: most matched files, then the same last name, then by path. */
function twinOrder(fork: string, a: { upstream: string; matched: number }, b: { upstream: string; matched: number }): number {
  const same = (u: string): number => (baseName(u) === baseName(fork) ? 1 : 0);
  return b.matched - a.matched || same(b.upstream) - same(a.upstream) || (a.upstream < b.upstream ? -1 : a.upstream > b.upstream ? 1 : 0);
}

interface Candidate extends PairingSuggestion {
  depth: number;
}

/**
 * Suggestions from the two file lists (pure). For each fork-only folder D and each of its files
 * D/r, every upstream folder U holding U/r gets a vote; the folder with most votes is D's twin,
 * scored votes / files of D. Then, best first (most matched files; a twin with the same last name,
 * as in `arch/xen/i386` = `arch/i386`; shallower), keep a suggestion unless it is nested in, or
 * holds, one already kept. A twin that is an ancestor of the fork folder (`arch/xen` = `arch`)
 * would pair the folder with the tree around it, so that level is skipped for the ones below.
 */
export function suggestFromFiles(upstreamFiles: readonly string[], forkFiles: readonly string[]): PairingSuggestion[] {
  const upstreamDirs = new Set<string>();
  for (const f of upstreamFiles) for (const d of parentDirs(f)) upstreamDirs.add(d);

  // Fork-only folders and, for each, the relative names of the files under it.
  const forkDirFiles = new Map<string, string[]>();
  for (const f of forkFiles) {
    for (const d of parentDirs(f)) {
      if (upstreamDirs.has(d)) continue;
      let list = forkDirFiles.get(d);
      if (!list) forkDirFiles.set(d, (list = []));
      list.push(f.slice(d.length + 1));
    }
  }
  if (forkDirFiles.size === 0) return [];

  // Index the upstream files by the relative names the fork folders need: name -> folders holding it.
  const wanted = new Set<string>();
  for (const rels of forkDirFiles.values()) for (const r of rels) wanted.add(r);
  const holders = new Map<string, string[]>();
  for (const f of upstreamFiles) {
    for (let i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) {
      const rel = f.slice(i + 1);
      if (!wanted.has(rel)) continue;
      let list = holders.get(rel);
      if (!list) holders.set(rel, (list = []));
      list.push(f.slice(0, i));
    }
  }

  const candidates: Candidate[] = [];
  for (const [fork, rels] of forkDirFiles) {
    const votes = new Map<string, number>();
    for (const r of rels) for (const u of holders.get(r) ?? []) votes.set(u, (votes.get(u) ?? 0) + 1);
    let best: { upstream: string; matched: number } | null = null;
    for (const [upstream, matched] of votes) {
      if (isUnderDir(fork, upstream)) continue;
      const candidate = { upstream, matched };
      if (!best || twinOrder(fork, candidate, best) < 0) best = candidate;
    }
    if (!best) continue;
    const score = best.matched / rels.length;
    if (score < MIN_SCORE || best.matched < MIN_MATCHED) continue;
    candidates.push({ fork, upstream: best.upstream, score, forkFiles: rels.length, matched: best.matched, depth: parentDirs(`${fork}/x`).length });
  }

  const sameName = (c: Candidate): number => (baseName(c.fork) === baseName(c.upstream) ? 1 : 0);
  candidates.sort((a, b) => b.matched - a.matched || sameName(b) - sameName(a) || a.depth - b.depth || (a.fork < b.fork ? -1 : 1));
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (kept.some((k) => isUnderDir(c.fork, k.fork) || isUnderDir(k.fork, c.fork))) continue;
    kept.push(c);
  }
  return kept
    .sort((a, b) => b.score - a.score || b.matched - a.matched || (a.fork < b.fork ? -1 : 1))
    .map(({ fork, upstream, score, forkFiles: n, matched }) => ({ fork, upstream, score, forkFiles: n, matched }));
}

export async function suggestPairings(repo: string, upstreamRef: string, forkRef: string): Promise<Result<PairingSuggestion[]>> {
  const [upstream, fork] = await Promise.all([resolveCommit(repo, upstreamRef), resolveCommit(repo, forkRef)]);
  if (!upstream.ok) return upstream;
  if (!fork.ok) return fork;
  const [upstreamEntries, forkEntries] = await Promise.all([lsTree(repo, upstream.value), lsTree(repo, fork.value)]);
  return ok(
    suggestFromFiles(
      upstreamEntries.map((e) => e.path),
      forkEntries.map((e) => e.path),
    ),
  );
}
