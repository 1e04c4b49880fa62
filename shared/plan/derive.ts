/**
 * Subsystems from folders: the default breakdown of the files in scope.
 *
 * The tree is cut top-down. A folder is split into its subfolders while it is shallower than
 * `depth` (4 by default: a kernel-like tree then gives units such as `arch/xen/i386/kernel`,
 * `drivers/xen/core`, `include/asm-xen`), and also deeper while it holds more than `maxFiles`
 * files, so no card is unworkably large. A subfolder with fewer than `minFiles` files is too
 * small for a card of its own: its files stay with the parent. The files a split folder keeps
 * (its own, plus those of its small subfolders) make a subsystem named after the folder; files
 * at the top level make "(root)". Every path lands in exactly one subsystem; names are the
 * folder paths, ids are slugs of them, so the same paths always give the same subsystems.
 */
import type { Subsystem } from '../model';
import { uniqueSlug } from './ids';

export interface DeriveOptions {
  /** Folders shallower than this are split into their subfolders (default 4). */
  depth?: number;
  /** Subfolders with fewer files than this join their parent (default 3). */
  minFiles?: number;
  /** Folders with more files than this are split even below `depth` (default 300). */
  maxFiles?: number;
}

export const ROOT_SUBSYSTEM_NAME = '(root)';

interface Folder {
  path: string;
  own: string[];
  children: Map<string, Folder>;
  total: number;
}

interface Unit {
  folder: string;
  files: string[];
}

export function deriveSubsystems(paths: string[], opts: DeriveOptions = {}): Subsystem[] {
  const depth = Math.max(1, opts.depth ?? 4);
  const minFiles = Math.max(1, opts.minFiles ?? 3);
  const maxFiles = Math.max(1, opts.maxFiles ?? 300);
  const root = buildTree([...new Set(paths)].sort(byCodeUnit));
  const units: Unit[] = [];
  if (root.total === 0) return [];
  cut(root, 0, { depth, minFiles, maxFiles }, units);
  const taken = new Set<string>();
  return units.map((u) => ({
    id: uniqueSlug(u.folder === '' ? 'root' : u.folder, taken),
    name: u.folder === '' ? ROOT_SUBSYSTEM_NAME : u.folder,
    files: u.files,
    source: { kind: 'folder', folder: u.folder },
    owner: null,
    state: 'Backlog',
    blocked: null,
  }));
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function buildTree(sorted: string[]): Folder {
  const root: Folder = { path: '', own: [], children: new Map(), total: 0 };
  for (const p of sorted) {
    const parts = p.split('/');
    let node = root;
    node.total++;
    for (let i = 0; i < parts.length - 1; i++) {
      const name = parts[i] as string;
      let child = node.children.get(name);
      if (!child) {
        child = { path: node.path === '' ? name : `${node.path}/${name}`, own: [], children: new Map(), total: 0 };
        node.children.set(name, child);
      }
      child.total++;
      node = child;
    }
    node.own.push(p);
  }
  return root;
}

function allFiles(folder: Folder, out: string[] = []): string[] {
  out.push(...folder.own);
  for (const name of [...folder.children.keys()].sort(byCodeUnit)) allFiles(folder.children.get(name) as Folder, out);
  return out;
}

function cut(folder: Folder, level: number, o: Required<DeriveOptions>, units: Unit[]): void {
  const split = folder.children.size > 0 && (level < o.depth || folder.total > o.maxFiles);
  if (!split) {
    units.push({ folder: folder.path, files: allFiles(folder).sort(byCodeUnit) });
    return;
  }
  const kept = [...folder.own];
  const below: Unit[] = [];
  for (const name of [...folder.children.keys()].sort(byCodeUnit)) {
    const child = folder.children.get(name) as Folder;
    if (child.total < o.minFiles) allFiles(child, kept);
    else cut(child, level + 1, o, below);
  }
  if (kept.length > 0) units.push({ folder: folder.path, files: kept.sort(byCodeUnit) });
  units.push(...below);
}
