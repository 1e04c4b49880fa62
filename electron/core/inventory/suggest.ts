/**
 * Pairing suggestions: fork folders (in the fork ref, not in upstream at the same path) whose
 * files have twins under one upstream folder, scored by content. `arch/xen/i386/kernel/setup.c`
 * next to upstream `arch/i386/kernel/setup.c`, the two nearly the same, suggests
 * `arch/xen/i386` = `arch/i386`. Names find the candidates; git's own similarity decides.
 */
import type { PairingSuggestion } from '../../../shared/model';
import { ok, type Result } from '../../../shared/result';
import { diffTreeDissimilarity, type RawChange } from '../git/diff-tree';
import { resolveCommit } from '../git/refs';
import { lsTree } from '../git/trees';
import { isGenericName } from './generic-names';

/** A suggestion is ticked when at least this share of the fork folder's files has a near-identical twin. */
export const CONFIDENT_SCORE = 0.5;
/** A candidate needs this many twins with telling names: a lone shared name is no evidence of a twin. */
export const MIN_MATCHED = 2;
/** A twin git counts as changed by less than this (percent) is similar. */
export const SIMILAR_BELOW = 50;
/** Upstream folders compared by content for each fork folder, the most named twins first. */
const CANDIDATES_PER_FOLDER = 3;

const parentDirs = (path: string): string[] => {
  const dirs: string[] = [];
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) dirs.push(path.slice(0, i));
  return dirs;
};

const baseName = (dir: string): string => dir.slice(dir.lastIndexOf('/') + 1);
const isUnderDir = (path: string, dir: string): boolean => dir === '' || path === dir || path.startsWith(`${dir}/`);
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** An upstream folder that may be a fork folder's twin, with the fork files whose names it holds. */
export interface TwinCandidate {
  upstream: string;
  /** Relative paths of the fork folder found under the upstream folder. */
  twins: string[];
  /** How many of those have a telling (not generic) name. */
  named: number;
}

/** A fork folder and its possible twins, best by names first. */
export interface NameCandidate {
  fork: string;
  files: string[];
  twins: TwinCandidate[];
}

/**
 * The candidates from the two file lists (pure). For each fork-only folder D and each of its
 * files D/r, every upstream folder U holding U/r gets a vote, but only for a telling name: a
 * Makefile or a Kconfig is in every folder and proves nothing. A folder with fewer than
 * MIN_MATCHED telling twins is no candidate. Then, best first (most telling twins; a twin with
 * the same last name, as in `arch/xen/i386` = `arch/i386`; shallower), keep a candidate unless it
 * is nested in, or holds, one already kept. A twin that is an ancestor of the fork folder
 * (`arch/xen` = `arch`) would pair the folder with the tree around it, so it is skipped.
 */
export function nameCandidates(upstreamFiles: readonly string[], forkFiles: readonly string[]): NameCandidate[] {
  const upstreamSet = new Set(upstreamFiles);
  // Each upstream folder once: walking up stops at the first folder already known, so the
  // 70,000 files of a kernel cost little more than their folders.
  const upstreamDirs = new Set<string>();
  for (const f of upstreamFiles) {
    for (let i = f.lastIndexOf('/'); i > 0; i = f.lastIndexOf('/', i - 1)) {
      const d = f.slice(0, i);
      if (upstreamDirs.has(d)) break;
      upstreamDirs.add(d);
    }
  }

  const forkDirFiles = new Map<string, string[]>();
  for (const f of forkFiles) {
    // A file in an upstream folder has only upstream folders above it: no fork folder holds it.
    const slash = f.lastIndexOf('/');
    if (slash < 0 || upstreamDirs.has(f.slice(0, slash))) continue;
    for (const d of parentDirs(f)) {
      if (upstreamDirs.has(d)) continue;
      let list = forkDirFiles.get(d);
      if (!list) forkDirFiles.set(d, (list = []));
      list.push(f.slice(d.length + 1));
    }
  }
  if (forkDirFiles.size === 0) return [];

  // Index the upstream files by the telling relative names the fork folders need: name -> folders holding it.
  const wanted = new Set<string>();
  const wantedNames = new Set<string>();
  for (const rels of forkDirFiles.values()) {
    for (const r of rels) {
      // Generic names never vote, so nobody needs to know where they are.
      if (isGenericName(r)) continue;
      wanted.add(r);
      wantedNames.add(r.slice(r.lastIndexOf('/') + 1));
    }
  }
  const holders = new Map<string, string[]>();
  for (const f of upstreamFiles) {
    // Most upstream files share no name with any fork file: one lookup rules them out.
    if (!wantedNames.has(f.slice(f.lastIndexOf('/') + 1))) continue;
    for (let i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) {
      const rel = f.slice(i + 1);
      if (!wanted.has(rel)) continue;
      let list = holders.get(rel);
      if (!list) holders.set(rel, (list = []));
      list.push(f.slice(0, i));
    }
  }

  const sameName = (fork: string, upstream: string): number => (baseName(fork) === baseName(upstream) ? 1 : 0);
  const found: (NameCandidate & { depth: number })[] = [];
  for (const [fork, rels] of forkDirFiles) {
    // Votes from telling names only; a Makefile has thousands of holders and would only cost time.
    const byUpstream = new Map<string, TwinCandidate>();
    const generic: string[] = [];
    for (const r of rels) {
      if (isGenericName(r)) {
        generic.push(r);
        continue;
      }
      for (const u of holders.get(r) ?? []) {
        if (isUnderDir(fork, u)) continue;
        let c = byUpstream.get(u);
        if (!c) byUpstream.set(u, (c = { upstream: u, twins: [], named: 0 }));
        c.twins.push(r);
        c.named += 1;
      }
    }
    const twins = [...byUpstream.values()]
      .filter((c) => c.named >= MIN_MATCHED)
      .sort((a, b) => b.named - a.named || sameName(fork, b.upstream) - sameName(fork, a.upstream) || byText(a.upstream, b.upstream))
      .slice(0, CANDIDATES_PER_FOLDER);
    // Once telling names made the pair, the generic ones that exist on both sides are twins too.
    for (const t of twins) for (const r of generic) if (upstreamSet.has(`${t.upstream}/${r}`)) t.twins.push(r);
    if (twins.length > 0) found.push({ fork, files: rels, twins, depth: parentDirs(`${fork}/x`).length });
  }

  const first = (c: NameCandidate): TwinCandidate => c.twins[0] as TwinCandidate;
  found.sort(
    (a, b) =>
      first(b).named - first(a).named ||
      sameName(b.fork, first(b).upstream) - sameName(a.fork, first(a).upstream) ||
      a.depth - b.depth ||
      byText(a.fork, b.fork),
  );
  const kept: NameCandidate[] = [];
  for (const c of found) {
    if (kept.some((k) => isUnderDir(c.fork, k.fork) || isUnderDir(k.fork, c.fork))) continue;
    kept.push({ fork: c.fork, files: c.files, twins: c.twins });
  }
  return kept;
}

/**
 * How alike a fork folder's twins are (pure), from `git diff-tree -B/1%` of the upstream folder
 * against the fork folder (see diffTreeDissimilarity): a twin no record names has the same
 * content; a bare M, or one git scores under SIMILAR_BELOW, is similar; a rewrite or a change of
 * type (a file become a symlink) is neither.
 */
export function twinLikeness(twins: readonly string[], changes: readonly RawChange[]): { identical: number; similar: number } {
  const byPath = new Map(changes.map((c) => [c.path, c.status]));
  let identical = 0;
  let similar = 0;
  for (const t of twins) {
    const status = byPath.get(t);
    if (status === undefined) identical += 1;
    else if (status.startsWith('M') && Number(status.slice(1) || 0) < SIMILAR_BELOW) similar += 1;
  }
  return { identical, similar };
}

/** The suggestion for a candidate once each twin folder's likeness is known: the twin folder with most near-identical twins. */
export function scoreCandidate(c: NameCandidate, likeness: readonly { identical: number; similar: number }[]): PairingSuggestion {
  let best = 0;
  const alike = (i: number): number => (likeness[i]?.identical ?? 0) + (likeness[i]?.similar ?? 0);
  for (let i = 1; i < c.twins.length; i++) if (alike(i) > alike(best)) best = i;
  const twin = c.twins[best] as TwinCandidate;
  const { identical, similar } = likeness[best] ?? { identical: 0, similar: 0 };
  const score = (identical + similar) / c.files.length;
  return {
    fork: c.fork,
    upstream: twin.upstream,
    score,
    forkFiles: c.files.length,
    matched: twin.twins.length,
    identical,
    similar,
    confident: score >= CONFIDENT_SCORE,
  };
}

/** Best first: the confident ones, then by score and by twins. */
export const bySuggestionOrder = (a: PairingSuggestion, b: PairingSuggestion): number =>
  Number(b.confident) - Number(a.confident) || b.score - a.score || b.matched - a.matched || byText(a.fork, b.fork);

export async function suggestPairings(repo: string, upstreamRef: string, forkRef: string): Promise<Result<PairingSuggestion[]>> {
  const [upstream, fork] = await Promise.all([resolveCommit(repo, upstreamRef), resolveCommit(repo, forkRef)]);
  if (!upstream.ok) return upstream;
  if (!fork.ok) return fork;
  const [upstreamEntries, forkEntries] = await Promise.all([lsTree(repo, upstream.value), lsTree(repo, fork.value)]);
  const candidates = nameCandidates(
    upstreamEntries.map((e) => e.path),
    forkEntries.map((e) => e.path),
  );
  // One diff-tree per candidate twin folder, all at once (the git runner caps the processes).
  const suggestions = await Promise.all(
    candidates.map(async (c) => {
      const likeness = await Promise.all(
        c.twins.map(async (t) => twinLikeness(t.twins, await diffTreeDissimilarity(repo, `${upstream.value}:${t.upstream}`, `${fork.value}:${c.fork}`))),
      );
      return scoreCandidate(c, likeness);
    }),
  );
  return ok(suggestions.sort(bySuggestionOrder));
}
