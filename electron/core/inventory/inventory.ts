/**
 * The inventory: every file in scope with its status and line counts.
 *
 * Inside a pairing FORK_DIR = UPSTREAM_DIR, every file of either folder, compared with its twin;
 * outside all pairings, the files that differ between the two refs at the same path. The git
 * work is one `diff-tree --numstat` per pairing (upstream folder's tree against the fork
 * folder's), one `ls-tree` of the fork folders (identical copies are the files no diff names)
 * and one whole-tree `diff-tree` with the fork folders excluded, all run at once.
 */
import type { Inventory, InventoryFile, FileStatus, SprintSettings } from '../../../shared/model';
import { ok, type Result } from '../../../shared/result';
import { diffTreeNumstat, type ChangeStatus, type TreeChange } from '../git/diff-tree';
import { emptyTreeId, lsTree, type TreeEntry } from '../git/trees';
import type { Lru } from '../host/lru';
import { pairingsKey } from './pairings';
import { resolvePairingTrees, resolveRefs, type ResolvedPairing } from './resolve';

const STATUS_OF_CHANGE: Record<ChangeStatus, FileStatus> = { A: 'fork-only', D: 'upstream-only', M: 'modified', T: 'modified' };

/** What git reported for one pairing: its diff and the fork folder's files. */
export interface PairingData {
  pairing: ResolvedPairing;
  changes: TreeChange[];
}

const byPath = (a: InventoryFile, b: InventoryFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Builds the file list from git's answers (pure). `forkFiles` are the files under every fork
 * folder (full paths); those no pairing diff names are identical copies (same blob, same mode).
 */
export function assembleFiles(pairs: readonly PairingData[], forkFiles: readonly TreeEntry[], outside: readonly TreeChange[]): InventoryFile[] {
  const files: InventoryFile[] = [];
  const changed = new Set<string>();
  for (const { pairing, changes } of pairs) {
    for (const c of changes) {
      const path = `${pairing.fork}/${c.path}`;
      files.push({
        path,
        upstreamPath: `${pairing.upstream}/${c.path}`,
        status: STATUS_OF_CHANGE[c.status],
        added: c.added,
        removed: c.removed,
        binary: c.binary,
      });
      if (c.status !== 'D') changed.add(path);
    }
  }
  for (const entry of forkFiles) {
    if (changed.has(entry.path)) continue;
    const pairing = pairs.find(({ pairing: p }) => entry.path.startsWith(`${p.fork}/`))?.pairing;
    if (!pairing) continue;
    const rel = entry.path.slice(pairing.fork.length + 1);
    files.push({ path: entry.path, upstreamPath: `${pairing.upstream}/${rel}`, status: 'identical', added: 0, removed: 0, binary: false });
  }
  for (const c of outside) {
    files.push({ path: c.path, upstreamPath: c.path, status: STATUS_OF_CHANGE[c.status], added: c.added, removed: c.removed, binary: c.binary });
  }
  return files.sort(byPath);
}

/**
 * The inventory of the settings' commits. `cache` (the repository's, see RepoCaches) keeps the
 * files per both commits and the pairings, which never change for the same commits.
 */
export async function computeInventory(repo: string, settings: SprintSettings, cache?: Lru<InventoryFile[]>): Promise<Result<Inventory>> {
  const refs = await resolveRefs(repo, settings);
  if (!refs.ok) return refs;
  const { upstreamCommit, forkCommit, pairings } = refs.value;
  const inventory = (files: InventoryFile[]): Inventory => ({
    upstreamRef: settings.upstreamRef,
    forkRef: settings.forkRef,
    upstreamCommit,
    forkCommit,
    pairings,
    files,
  });

  const key = `${upstreamCommit}\0${forkCommit}\0${pairingsKey(pairings)}`;
  const cached = cache?.get(key);
  if (cached) return ok(inventory(cached));

  const trees = await resolvePairingTrees(repo, settings, refs.value);
  if (!trees.ok) return trees;
  const emptyTree = emptyTreeId(upstreamCommit.length);
  const forkDirs = trees.value.filter((p) => p.forkTree !== null).map((p) => p.fork);
  // Independent git calls, run at once: the pairings' diffs, the fork folders' listing, the rest.
  const [pairDiffs, forkFiles, outside] = await Promise.all([
    Promise.all(trees.value.map((p) => diffTreeNumstat(repo, p.upstreamTree ?? emptyTree, p.forkTree ?? emptyTree))),
    forkDirs.length > 0 ? lsTree(repo, forkCommit, forkDirs) : Promise.resolve([]),
    diffTreeNumstat(repo, upstreamCommit, forkCommit, { excludeDirs: pairings.map((p) => p.fork) }),
  ]);
  const files = assembleFiles(
    trees.value.map((pairing, i) => ({ pairing, changes: pairDiffs[i] ?? [] })),
    forkFiles,
    outside,
  );
  cache?.set(key, files);
  return ok(inventory(files));
}
