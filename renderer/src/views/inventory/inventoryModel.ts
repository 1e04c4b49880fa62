/** Filtering, sorting and totals of the inventory: pure functions over its files. */
import { isInherited, SHOWN_STATUSES, shownStatus, type ShownStatus } from '../../../../shared/inventory';
import type { InventoryFile, Plan } from '../../../../shared/model';
import type { InventoryFilter, SortKey } from '../../store/types';

export interface Totals {
  files: number;
  added: number;
  removed: number;
}

const zero = (): Totals => ({ files: 0, added: 0, removed: 0 });
const addTo = (t: Totals, f: InventoryFile) => {
  t.files += 1;
  t.added += f.added;
  t.removed += f.removed;
};

/** Interim copies of rename rules are no work of their own (their source is counted): totals leave them out. */
export const isInterimCopy = (f: InventoryFile): boolean => f.interimCopyOf !== undefined;

/** Which subsystem holds each file (fork-side path -> subsystem id). */
export function subsystemOfFile(plan: Pick<Plan, 'subsystems'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, s] of Object.entries(plan.subsystems)) for (const f of s.files) out.set(f, id);
  return out;
}

/** The subsystem a file belongs to; an interim copy belongs with its source. */
export const holderOf = (f: InventoryFile, owner: Map<string, string>): string | undefined =>
  owner.get(f.path) ?? (f.interimCopyOf === undefined ? undefined : owner.get(f.interimCopyOf));

export function filterFiles(files: readonly InventoryFile[], filter: InventoryFilter, owner: Map<string, string>): InventoryFile[] {
  const text = filter.text.trim().toLowerCase();
  return files.filter((f) => {
    if (filter.status !== 'all' && shownStatus(f) !== filter.status) return false;
    const holder = holderOf(f, owner);
    if (filter.subsystem === 'none' && holder !== undefined) return false;
    if (filter.subsystem !== 'all' && filter.subsystem !== 'none' && holder !== filter.subsystem) return false;
    return !text || f.path.toLowerCase().includes(text) || f.upstreamPath.toLowerCase().includes(text);
  });
}

const STATUS_RANK: Record<ShownStatus, number> = { modified: 0, 'fork-only': 1, 'upstream-only': 2, identical: 3, inherited: 4 };
const byPath = (a: InventoryFile, b: InventoryFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

const COMPARE: Record<SortKey, (a: InventoryFile, b: InventoryFile) => number> = {
  path: byPath,
  upstreamPath: (a, b) => (a.upstreamPath < b.upstreamPath ? -1 : a.upstreamPath > b.upstreamPath ? 1 : 0),
  status: (a, b) => STATUS_RANK[shownStatus(a)] - STATUS_RANK[shownStatus(b)],
  added: (a, b) => a.added - b.added,
  removed: (a, b) => a.removed - b.removed,
};

/** Sorted copy; ties are broken by path so the order is stable whatever the direction. */
export function sortFiles(files: readonly InventoryFile[], key: SortKey, descending: boolean): InventoryFile[] {
  const cmp = COMPARE[key];
  const dir = descending ? -1 : 1;
  return [...files].sort((a, b) => dir * cmp(a, b) || byPath(a, b));
}

/** Totals per status as the app words it, interim copies left out; inherited files count as files, never as lines (no one changed them). */
export function totalsByStatus(files: readonly InventoryFile[]): Record<ShownStatus, Totals> {
  const out = Object.fromEntries(SHOWN_STATUSES.map((s) => [s, zero()])) as Record<ShownStatus, Totals>;
  for (const f of files) {
    if (isInterimCopy(f)) continue;
    if (isInherited(f)) out.inherited.files += 1;
    else addTo(out[f.status], f);
  }
  return out;
}

/** The folder of a path cut at `depth` components ("." for files at the root). */
export function folderAt(path: string, depth: number): string {
  const parts = path.split('/');
  parts.pop();
  return parts.length === 0 ? '.' : parts.slice(0, depth).join('/');
}

export interface GroupTotals extends Totals {
  key: string;
}

/** Totals grouped by a key, largest change first (interim copies left out). */
export function totalsBy(files: readonly InventoryFile[], keyOf: (f: InventoryFile) => string): GroupTotals[] {
  const groups = new Map<string, GroupTotals>();
  for (const f of files) {
    // Inherited files are upstream's, unchanged: no group's work.
    if (isInterimCopy(f) || isInherited(f)) continue;
    const key = keyOf(f);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, ...zero() }));
    addTo(g, f);
  }
  return [...groups.values()].sort((a, b) => b.added + b.removed - (a.added + a.removed) || (a.key < b.key ? -1 : 1));
}
