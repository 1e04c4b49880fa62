/**
 * The inventory as a folder-compare tree (as Meld shows two folders): folders with how many of
 * their files have each status, collapsible, flattened into the rows on screen. Pure functions.
 */
import { FILE_STATUSES, type FileStatus, type InventoryFile } from '../../../../shared/model';
import { isInterimCopy } from './inventoryModel';

export interface TreeFolder {
  /** The folder's path ("" for the root). */
  path: string;
  name: string;
  folders: TreeFolder[];
  files: InventoryFile[];
  /** Files below this folder per status, interim copies of rename rules left out as in the totals. */
  counts: Record<FileStatus, number>;
}

export type TreeRow =
  | { kind: 'folder'; folder: TreeFolder; depth: number; parent: number }
  | { kind: 'file'; file: InventoryFile; name: string; depth: number; parent: number };

const noCounts = (): Record<FileStatus, number> => Object.fromEntries(FILE_STATUSES.map((s) => [s, 0])) as Record<FileStatus, number>;
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const parentPath = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/** The tree of the files' fork-side paths, folders before files, each by name. */
export function buildTree(files: readonly InventoryFile[]): TreeFolder {
  const root: TreeFolder = { path: '', name: '', folders: [], files: [], counts: noCounts() };
  const folders = new Map<string, TreeFolder>([['', root]]);
  const folderOf = (path: string): TreeFolder => {
    const known = folders.get(path);
    if (known) return known;
    const parent = folderOf(parentPath(path));
    const made: TreeFolder = { path, name: baseName(path), folders: [], files: [], counts: noCounts() };
    parent.folders.push(made);
    folders.set(path, made);
    return made;
  };
  for (const f of files) {
    const folder = folderOf(parentPath(f.path));
    folder.files.push(f);
    if (isInterimCopy(f)) continue;
    // Counted in the folder and each folder above it.
    for (let p = folder.path; ; p = parentPath(p)) {
      const up = folders.get(p);
      if (up) up.counts[f.status] += 1;
      if (p === '') break;
    }
  }
  for (const folder of folders.values()) {
    folder.folders.sort((a, b) => byName(a.name, b.name));
    folder.files.sort((a, b) => byName(a.path, b.path));
  }
  return root;
}

/** The rows on screen: every folder and file under the root, except below a collapsed folder. */
export function visibleRows(root: TreeFolder, collapsed: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (folder: TreeFolder, depth: number, parent: number) => {
    for (const sub of folder.folders) {
      const at = rows.length;
      rows.push({ kind: 'folder', folder: sub, depth, parent });
      if (!collapsed.has(sub.path)) walk(sub, depth + 1, at);
    }
    for (const file of folder.files) rows.push({ kind: 'file', file, name: baseName(file.path), depth, parent });
  };
  walk(root, 1, -1);
  return rows;
}

/** Where a key moves in the tree (as WAI-ARIA's tree view pattern says), and what it opens or closes. */
export type TreeMove = { focus: number } | { toggle: string } | null;

export function treeKey(rows: readonly TreeRow[], at: number, key: string, collapsed: ReadonlySet<string>): TreeMove {
  const row = rows[at];
  if (!row) return rows.length > 0 && ['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(key) ? { focus: 0 } : null;
  switch (key) {
    case 'ArrowDown':
      return { focus: Math.min(rows.length - 1, at + 1) };
    case 'ArrowUp':
      return { focus: Math.max(0, at - 1) };
    case 'Home':
      return { focus: 0 };
    case 'End':
      return { focus: rows.length - 1 };
    case 'ArrowRight':
      if (row.kind !== 'folder') return null;
      return collapsed.has(row.folder.path) ? { toggle: row.folder.path } : rows[at + 1]?.parent === at ? { focus: at + 1 } : null;
    case 'ArrowLeft':
      if (row.kind === 'folder' && !collapsed.has(row.folder.path)) return { toggle: row.folder.path };
      return row.parent >= 0 ? { focus: row.parent } : null;
    default:
      return null;
  }
}

/** "3 modified, 12 identical": a folder's counts in words, for its accessible name. */
export function countsInWords(counts: Record<FileStatus, number>, label: Record<FileStatus, string>): string {
  const parts = FILE_STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${label[s].toLowerCase()}`);
  return parts.length === 0 ? 'no files' : parts.join(', ');
}
