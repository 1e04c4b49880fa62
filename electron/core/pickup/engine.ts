/**
 * A fork commit replayed on the sprint branch's tree through the rename rules, file by file,
 * without the working tree: where each file lands (shared/pickup/lands.ts), the three-way merge
 * there (./merge.ts), and the index edits that make the commit, or the conflicts that stop it.
 * The tree is kept as the versions of the paths the pick-up touches, read once from the sprint
 * branch and updated after every commit that applies, so the next commit sees the ones before it.
 */
import { landingPaths } from '../../../shared/pickup/lands';
import type { PickupConflict, PickupFile } from '../../../shared/pickup/model';
import type { RenameRule } from '../../../shared/rename/model';
import type { RawChange } from '../git/diff-tree';
import type { IndexEdit } from '../git/staging-index';
import { lsTree } from '../git/trees';
import { mergeVersions, same, type MergeScratch, type Version } from './merge';

const ZERO = /^0+$/;
const versionOf = (mode: string, oid: string): Version => (ZERO.test(oid) && /^0+$/.test(mode) ? null : { mode, oid });

/** One changed file of a fork commit: its path before and after (null: added, deleted), and versions. */
export interface FileChange {
  before: string | null;
  after: string | null;
  base: Version;
  theirs: Version;
}

export function fileChanges(raw: readonly RawChange[]): FileChange[] {
  return raw.map((c) => {
    const base = versionOf(c.oldMode, c.oldOid);
    const theirs = versionOf(c.newMode, c.newOid);
    const renamed = c.status.startsWith('R') && c.from !== undefined;
    return { before: base === null ? null : renamed ? (c.from as string) : c.path, after: theirs === null ? null : c.path, base, theirs };
  });
}

/** Every path a set of fork changes reads or writes on the sprint branch. */
export function pathsTouched(changes: readonly FileChange[], rules: readonly RenameRule[]): string[] {
  const all = new Set<string>();
  for (const c of changes) for (const p of [c.before, c.after]) if (p !== null) for (const l of landingPaths(p, rules)) all.add(p).add(l);
  return [...all];
}

const CHUNK = 2000;

/** The sprint tree's versions of `paths` (null where it has no file), a few `ls-tree`s in all. */
export async function readVersions(repo: string, commit: string, paths: readonly string[]): Promise<Map<string, Version>> {
  const found = new Map<string, Version>(paths.map((p) => [p, null]));
  for (let i = 0; i < paths.length; i += CHUNK) {
    const chunk = paths.slice(i, i + CHUNK);
    for (const e of await lsTree(repo, commit, chunk)) if (found.has(e.path)) found.set(e.path, { mode: e.mode, oid: e.oid });
  }
  return found;
}

/** Each changed file with every path it lands on (none: deleted there). */
export const filesOf = (changes: readonly FileChange[], rules: readonly RenameRule[]): PickupFile[] =>
  changes.map((c) => ({
    path: (c.after ?? c.before) as string,
    ...(c.before !== null && c.after !== null && c.before !== c.after ? { from: c.before } : {}),
    lands: c.after === null ? [] : landingPaths(c.after, rules),
  }));

export interface Replayed {
  files: PickupFile[];
  conflicts: PickupConflict[];
  /** What the commit writes (empty: its change is there already). */
  edits: IndexEdit[];
  /** The written paths' new versions, for the tree after this commit. */
  writes: Map<string, Version>;
}

/** Replays one fork commit's changes on `tree` (not changed here). */
export async function replay(scratch: MergeScratch, tree: ReadonlyMap<string, Version>, changes: readonly FileChange[], rules: readonly RenameRule[]): Promise<Replayed> {
  const cur = (p: string): Version => tree.get(p) ?? null;
  const files = filesOf(changes, rules);
  const conflicts: PickupConflict[] = [];
  const written = new Map<string, Version>();
  const removed = new Set<string>();
  for (const c of changes) {
    const from = c.before === null ? [] : landingPaths(c.before, rules);
    const to = c.after === null ? [] : landingPaths(c.after, rules);
    const shown = (c.after ?? c.before) as string;
    // Each landing of the new path takes its change from the matching landing of the old one
    // (the same copy of a copied rule), or from the first when the two paths land differently.
    const sources = to.length === 0 ? from : to.map((_, i) => (from.length === to.length ? from[i] : from[0]) ?? null);
    const targets = to.length === 0 ? from : to;
    for (let i = 0; i < targets.length; i++) {
      const target = targets[i] as string;
      const source = sources[i] ?? null;
      const ours = source === null ? cur(target) : cur(source);
      const merged = await mergeVersions(scratch, c.base, ours, c.theirs, { ours: source ?? target, theirs: shown });
      if ('conflict' in merged) {
        conflicts.push({ path: shown, lands: target, ...merged.conflict });
        continue;
      }
      if (source !== null && source !== target && !to.includes(source)) removed.add(source);
      if (source !== target && cur(target) !== null && !same(cur(target), merged.result) && c.after !== null) {
        conflicts.push({ path: shown, lands: target, reason: 'added-on-both', hunks: [] });
        continue;
      }
      written.set(target, merged.result);
    }
    // Old landings left over when the old path landed on more places than the new one.
    for (const extra of from.filter((p) => !to.includes(p) && !sources.includes(p))) {
      if (same(cur(extra), c.base) || cur(extra) === null) removed.add(extra);
      else conflicts.push({ path: shown, lands: extra, reason: 'deleted-in-fork', hunks: [] });
    }
  }
  // A file written by one change (a new file where another was renamed away) is not removed by another.
  for (const p of removed) if (!written.has(p)) written.set(p, null);
  const writes = new Map([...written].filter(([p, v]) => !same(cur(p), v)));
  const edits: IndexEdit[] = [...writes].map(([p, v]) => (v === null ? { path: p, remove: true } : { path: p, mode: v.mode, oid: v.oid }));
  return { files, conflicts, edits, writes };
}
