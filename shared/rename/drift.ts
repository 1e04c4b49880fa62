/**
 * Drift of a copied rule, per file: the copy commit's version of each file is the base; HEAD's
 * source and destination are the two sides. Files the destination folder held before the copy
 * are not the rule's and are left out of the base and the destination. Pure: the three listings come from `git ls-tree -r`.
 */
import type { DriftFile, FileVersion } from './model';
import type { TreeFile } from './check';

/** Files under `root` keyed by their path inside it ('' for the root itself when it is a file). */
export function relativeFiles(files: readonly TreeFile[], root: string): Map<string, FileVersion> {
  const out = new Map<string, FileVersion>();
  for (const f of files) {
    if (f.path === root) out.set('', { mode: f.mode, oid: f.oid });
    else if (f.path.startsWith(`${root}/`)) out.set(f.path.slice(root.length + 1), { mode: f.mode, oid: f.oid });
  }
  return out;
}

/** `files` without the paths in `rels`: a destination's files from before the copy are not the rule's. */
export function withoutRels(files: Map<string, FileVersion>, rels: ReadonlySet<string>): Map<string, FileVersion> {
  if (rels.size === 0) return files;
  return new Map([...files].filter(([rel]) => !rels.has(rel)));
}

export const sameVersion = (a: FileVersion | null, b: FileVersion | null): boolean =>
  a === null || b === null ? a === b : a.mode === b.mode && a.oid === b.oid;

export const joinRel = (root: string, rel: string): string => (rel === '' ? root : `${root}/${rel}`);

/**
 * One record per file that differs between the copies in a way the copy commit explains: only
 * the source changed, only the destination changed, or both (differently; the same change made
 * on both sides is no drift).
 */
export function classifyDrift(
  rule: { from: string; to: string },
  base: Map<string, FileVersion>,
  source: Map<string, FileVersion>,
  destination: Map<string, FileVersion>,
): DriftFile[] {
  const rels = new Set<string>([...base.keys(), ...source.keys(), ...destination.keys()]);
  const out: DriftFile[] = [];
  for (const rel of [...rels].sort()) {
    const b = base.get(rel) ?? null;
    const s = source.get(rel) ?? null;
    const d = destination.get(rel) ?? null;
    const sourceChanged = !sameVersion(s, b);
    const destinationChanged = !sameVersion(d, b);
    if (!sourceChanged && !destinationChanged) continue;
    if (sourceChanged && destinationChanged && sameVersion(s, d)) continue;
    const kind = sourceChanged && destinationChanged ? 'both' : sourceChanged ? 'source' : 'destination';
    out.push({
      rel,
      sourcePath: joinRel(rule.from, rel),
      destinationPath: joinRel(rule.to, rel),
      kind,
      base: b,
      source: s,
      destination: d,
    });
  }
  return out;
}
