/**
 * Where the export looks for copies: for each patch, the paths it changes and, for each of its
 * fork files inside a pairing, the upstream twin (`arch/i386/xen/kernel/setup.c` ->
 * `arch/i386/kernel/setup.c`). A fork copy of a twin is then exported as `copy from`/`copy to`
 * with the fork's changes, the few lines a reviewer has to read, instead of the whole file as new.
 */
import { isUnder } from '../../../shared/paths';
import type { Pairing } from '../../../shared/model';
import type { PatchPaths } from '../git/format-patch';
import { changesByPatch, type SeriesInput } from './load';

/** The twin of a fork path inside a pairing, or null. */
export function twinOf(path: string, pairings: readonly Pairing[]): string | null {
  for (const p of pairings) {
    if (p.fork !== p.upstream && isUnder(path, p.fork)) return p.upstream + path.slice(p.fork.length);
  }
  return null;
}

/** Per patch in series order, with the commits the series was written as (one per patch, on the base). */
export function copySourcesByPatch(input: SeriesInput, commits: readonly string[]): PatchPaths[] {
  const pairings = input.plan.sprint?.pairings ?? [];
  return changesByPatch(input).map((changes, i) => {
    const sources = new Set<string>();
    for (const c of changes) {
      sources.add(c.path);
      const twin = c.status === 'D' ? null : twinOf(c.path, pairings);
      if (twin !== null) sources.add(twin);
    }
    const commit = commits[i];
    if (commit === undefined) throw new Error(`the series has ${input.patches.length} patches and ${commits.length} commits`);
    return { commit, parent: i === 0 ? input.base : (commits[i - 1] as string), changed: changes.map((c) => c.path), sources: [...sources].sort() };
  });
}
