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

/** Inventory paths that no subsystem holds, in inventory order. Interim copies go with their source, so they are left out. */
export function filesInNoSubsystem(inventory: Inventory, subsystems: Iterable<Subsystem>): string[] {
  const held = new Set<string>();
  for (const s of subsystems) for (const f of s.files) held.add(f);
  return inventory.files.filter((f) => f.interimCopyOf === undefined && !held.has(f.path)).map((f) => f.path);
}
