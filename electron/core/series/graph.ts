/**
 * What the series' order and sizes are decided from, read from git in a few calls: every file
 * of the upstream tree, the references in each changed Makefile, Kconfig and C file (upstream's
 * text and the target's, through one `cat-file --batch`), and each changed file's diff in bytes.
 */
import type { ChangedFile } from '../../../shared/series/changes';
import type { ConsistencyInput } from '../../../shared/series/consistency';
import { referenceKindOf, referencesOf, type Reference } from '../../../shared/series/references';
import { readFilesAt, type PathLookup } from '../git/cat-file';
import { fileDiffSizes } from '../git/diff-tree';
import { lsTree } from '../git/trees';
import type { Lru } from '../host/lru';

export type SeriesGraph = Omit<ConsistencyInput, 'patches'>;

/** The references in upstream's and the target's text of every changed file that can hold any. */
export async function readReferences(repo: string, base: string, target: string, changes: readonly ChangedFile[]): Promise<Map<string, { base: Reference[]; target: Reference[] }>> {
  const lookups: (PathLookup & { side: 'base' | 'target' })[] = [];
  for (const c of changes) {
    // A symlink or submodule holds no text to read references from.
    if (referenceKindOf(c.path) === null || (c.mode !== '000000' && !c.mode.startsWith('100'))) continue;
    if (c.status !== 'A') lookups.push({ commit: base, path: c.path, side: 'base' });
    if (c.status !== 'D') lookups.push({ commit: target, path: c.path, side: 'target' });
  }
  const texts = await readFilesAt(repo, lookups);
  const out = new Map<string, { base: Reference[]; target: Reference[] }>();
  lookups.forEach((l, i) => {
    const text = texts[i];
    if (text === null || text === undefined) return;
    const entry = out.get(l.path) ?? { base: [], target: [] };
    entry[l.side] = referencesOf(l.path, text);
    out.set(l.path, entry);
  });
  return out;
}

/** Each changed file's diff in bytes, or null when git's diff and the list of changes disagree. */
export async function readFileBytes(repo: string, base: string, target: string, changes: readonly ChangedFile[], cache?: Lru<Promise<Map<string, number> | null>>): Promise<Map<string, number> | null> {
  const compute = async (): Promise<Map<string, number> | null> => {
    const sizes = await fileDiffSizes(repo, base, target, changes.length);
    return sizes ? new Map(changes.map((c, i) => [c.path, sizes[i] as number])) : null;
  };
  return cache ? cache.getOrCompute(`${base}\0${target}`, compute) : compute();
}

export async function readSeriesGraph(repo: string, base: string, target: string, changes: readonly ChangedFile[]): Promise<SeriesGraph> {
  const [entries, references] = await Promise.all([lsTree(repo, base), readReferences(repo, base, target, changes)]);
  return { changes, baseFiles: entries.map((e) => e.path), references };
}
