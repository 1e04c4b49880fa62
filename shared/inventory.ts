/** Inventory totals for the renderer (per status or per folder, file count and changed lines) and the files in no subsystem. */
import { FILE_STATUSES, type FileStatus, type Inventory, type InventoryFile, type Subsystem } from './model';

export interface InventoryTotal {
  /** The status, or the folder (the file's parent folder; '' for files at the top). */
  key: string;
  count: number;
  added: number;
  removed: number;
}

export type TotalsGrouping = 'status' | 'folder';

/** The folder a file is counted under: its parent folder, or its first `depth` folders. */
export function folderOf(path: string, depth?: number): string {
  const parts = path.split('/');
  parts.pop();
  return (depth === undefined ? parts : parts.slice(0, depth)).join('/');
}

/**
 * Totals per group, in a stable order: statuses in FILE_STATUSES order (only those present),
 * folders alphabetically. With `depth`, folders are cut to their first `depth` names
 * (`arch/xen/i386/kernel/x.c` at depth 2 counts under `arch/xen`).
 */
export function inventoryTotals(files: readonly InventoryFile[], groupBy: TotalsGrouping, opts: { depth?: number } = {}): InventoryTotal[] {
  const groups = new Map<string, InventoryTotal>();
  for (const f of files) {
    const key = groupBy === 'status' ? f.status : folderOf(f.path, opts.depth);
    let total = groups.get(key);
    if (!total) groups.set(key, (total = { key, count: 0, added: 0, removed: 0 }));
    total.count += 1;
    total.added += f.added;
    total.removed += f.removed;
  }
  const rank = (key: string): number => FILE_STATUSES.indexOf(key as FileStatus);
  return [...groups.values()].sort((a, b) =>
    groupBy === 'status' ? rank(a.key) - rank(b.key) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
}

/** Totals of all files together. */
export function grandTotal(files: readonly InventoryFile[]): Omit<InventoryTotal, 'key'> {
  let added = 0;
  let removed = 0;
  for (const f of files) {
    added += f.added;
    removed += f.removed;
  }
  return { count: files.length, added, removed };
}

/**
 * An upstream file inside a pairing that the sparse fork does not copy (the inventory's
 * `upstream-only` with a twin path of its own): it builds from upstream and is nobody's work.
 * Outside the pairings an upstream-only file is one the fork removed, which is a change.
 */
export const isInherited = (f: InventoryFile): boolean => f.status === 'upstream-only' && f.path !== f.upstreamPath;

/**
 * A file someone has to work on: changed against its twin, the fork's own, or removed by the fork.
 * Not an inherited file, not an identical copy (nothing to upstream), not an interim copy of a
 * rename rule (its source is the work).
 */
export const needsWork = (f: InventoryFile): boolean => f.status !== 'identical' && !isInherited(f) && f.interimCopyOf === undefined;

/** The status as the app words it: `upstream-only` inside a pairing is `inherited` (the JSON keeps git's status). */
export type ShownStatus = FileStatus | 'inherited';
export const SHOWN_STATUSES: readonly ShownStatus[] = [...FILE_STATUSES, 'inherited'];
export const shownStatus = (f: InventoryFile): ShownStatus => (isInherited(f) ? 'inherited' : f.status);

/** Inventory paths of work that no subsystem holds, in inventory order: identical copies, inherited files and interim copies are no one's work. */
export function filesInNoSubsystem(inventory: Inventory, subsystems: Iterable<Subsystem>): string[] {
  const held = new Set<string>();
  for (const s of subsystems) for (const f of s.files) held.add(f);
  return inventory.files.filter((f) => needsWork(f) && !held.has(f.path)).map((f) => f.path);
}
