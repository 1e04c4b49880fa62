/**
 * The first cut of a series: every change between upstream and the target in exactly one patch,
 * one patch per subsystem (files in no subsystem grouped by top folder), ordered the way upstream
 * reviews a port: changes to files upstream already has (clean-ups, hooks) first, then patches
 * that add files, and the new sub-architecture (the largest new folder) last.
 */
import type { Subsystem } from '../model';
import type { RenameRule } from '../rename/model';
import { isUnder } from '../paths';
import { uniqueSlug } from '../plan/ids';
import type { ChangedFile, ChangeStatus } from './changes';
import type { SeriesPatch } from './model';
import { commonDir, proposeDescription, proposeSubject } from './naming';

export interface ProposalInput {
  changes: readonly ChangedFile[];
  /** The plan's subsystems, in board order. */
  subsystems: readonly Subsystem[];
  /** Rename rules: a file moved by a rule goes in the patch of its new path. */
  renames: readonly RenameRule[];
  /** Whether the upstream tree has this folder (to find the folders the target adds). */
  baseHasDir: (dir: string) => boolean;
}

export interface Proposal {
  patches: SeriesPatch[];
  /** Changed files that are in no subsystem (they went into folder patches). */
  unassigned: string[];
  /** Removals placed with the addition of their new path, per the rename plan. */
  renames: { from: string; to: string; patchId: string }[];
  /** The largest folder the target adds, whose patch comes last; null when nothing new. */
  newFolder: string | null;
}

interface Group {
  key: string;
  name: string;
  owner: string | null;
  files: ChangedFile[];
  rank: number;
}

const topFolder = (p: string): string => (p.includes('/') ? p.slice(0, p.indexOf('/')) : '');

/** The outermost folder of `path` that upstream does not have, or null. */
function newFolderOf(path: string, baseHasDir: (dir: string) => boolean): string | null {
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
    const dir = path.slice(0, i);
    if (!baseHasDir(dir)) return dir;
  }
  return null;
}

/** The largest new folder by added files (ties: the shorter, then the first by name). */
function largestNewFolder(changes: readonly ChangedFile[], baseHasDir: (dir: string) => boolean): string | null {
  const counts = new Map<string, number>();
  for (const c of changes) {
    if (c.status !== 'A') continue;
    const dir = newFolderOf(c.path, baseHasDir);
    if (dir !== null) counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const entry of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!best || entry[1] > best[1]) best = entry;
  }
  return best ? best[0] : null;
}

/** Where a removed file moved to under a rename rule, when the target adds that path. */
function renamedTo(path: string, rules: readonly RenameRule[], status: Map<string, ChangeStatus>): string | null {
  for (const rule of rules) {
    if (rule.phase === 'planned' || rule.phase === 'abandoned' || !isUnder(path, rule.from)) continue;
    const to = rule.to + path.slice(rule.from.length);
    if (status.get(to) === 'A') return to;
  }
  return null;
}

export function proposeSeries(input: ProposalInput): Proposal {
  const status = new Map(input.changes.map((c) => [c.path, c.status]));
  const subsystemOf = new Map<string, Subsystem>();
  for (const s of input.subsystems) for (const f of s.files) if (!subsystemOf.has(f)) subsystemOf.set(f, s);

  const groups = new Map<string, Group>();
  const groupKeyOf = (path: string): string => {
    const s = subsystemOf.get(path);
    return s ? `s:${s.id}` : `d:${topFolder(path)}`;
  };
  const groupFor = (path: string): Group => {
    const key = groupKeyOf(path);
    let g = groups.get(key);
    if (!g) {
      const s = subsystemOf.get(path);
      const rank = s ? input.subsystems.indexOf(s) : input.subsystems.length;
      g = { key, name: s ? s.name : topFolder(path) || 'top level', owner: s ? s.owner : null, files: [], rank };
      groups.set(key, g);
    }
    return g;
  };

  const renames: { from: string; to: string; key: string }[] = [];
  const unassigned: string[] = [];
  for (const change of input.changes) {
    const to = change.status === 'D' ? renamedTo(change.path, input.renames, status) : null;
    if (to !== null) renames.push({ from: change.path, to, key: groupKeyOf(to) });
    else if (!subsystemOf.has(change.path)) unassigned.push(change.path);
    groupFor(to ?? change.path).files.push(change);
  }

  const newFolder = largestNewFolder(input.changes, input.baseHasDir);
  const inNewFolder = (g: Group): number => (newFolder === null ? 0 : g.files.filter((f) => isUnder(f.path, newFolder)).length);
  const last = [...groups.values()].reduce<Group | null>((best, g) => (inNewFolder(g) > (best ? inNewFolder(best) : 0) ? g : best), null);
  const adds = (g: Group): number => g.files.filter((f) => f.status === 'A').length;
  const stage = (g: Group): number => (g === last ? 2 : adds(g) > 0 ? 1 : 0);
  const ordered = [...groups.values()].sort(
    (a, b) => stage(a) - stage(b) || (stage(a) === 1 ? adds(a) - adds(b) : 0) || a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );

  const taken = new Set<string>();
  const idOf = new Map<string, string>();
  const patches = ordered.map((g): SeriesPatch => {
    const id = uniqueSlug(`patch-${g.key.startsWith('s:') ? g.key.slice(2) : `dir-${g.name}`}`, taken, 'patch');
    idOf.set(g.key, id);
    const files = [...g.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const origin = g.key.startsWith('s:') ? `Subsystem ${g.name}` : `Folder ${commonDir(files.map((f) => f.path)) || g.name}`;
    return {
      id,
      subject: proposeSubject(files, g.name),
      description: proposeDescription(files, origin),
      author: g.owner,
      files: files.map((f) => f.path),
    };
  });
  return {
    patches,
    unassigned,
    renames: renames.map((r) => ({ from: r.from, to: r.to, patchId: idOf.get(r.key) ?? '' })),
    newFolder,
  };
}
