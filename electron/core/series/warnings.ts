/**
 * What makes a patch hard to review even when it applies: a file moved and rewritten in one
 * patch (under 50% similar, so rename detection and `git log --follow` lose it), and a patch
 * with more changed lines than the limit the user set.
 */
import type { PatchStats, SeriesWarning } from '../../../shared/series/reports';
import { detectRenames, diffTreeNumstat, type TreeChange } from '../git/diff-tree';
import type { Lru } from '../host/lru';
import { changesByPatch, type SeriesInput } from './load';
import { revertWarnings } from './reverts';

/** git's default rename threshold: below it `format-patch -M` and `log --follow` see a removal and an addition. */
const FOLLOW_THRESHOLD = 50;
/** How far down we look for a moved file: anything less similar is a new file, not a move. */
const SEARCH_THRESHOLD = 20;

type Numstat = Map<string, TreeChange>;

/** Line counts of a series' commits; the repository's services keep the last few pairs (see RepoCaches). */
function numstatOf(repo: string, base: string, target: string): Promise<Numstat> {
  return diffTreeNumstat(repo, base, target).then((changes) => new Map(changes.map((c) => [c.path, c])));
}

/** Files, added and removed lines, and binary files per patch (numbers from `git diff --numstat`). */
export async function patchStats(input: SeriesInput, cache?: Lru<Promise<Numstat>>): Promise<PatchStats[]> {
  // Every edit of the series asks for its numbers again, and the commits (so the counts) rarely change between edits.
  const compute = (): Promise<Numstat> => numstatOf(input.repo, input.base, input.targetCommit);
  const numbers = await (cache ? cache.getOrCompute(`${input.base}\0${input.targetCommit}`, compute) : compute());
  return input.patches.map((p) => {
    const stats: PatchStats = { patchId: p.id, files: 0, added: 0, removed: 0, binary: 0 };
    for (const f of p.files) {
      const n = numbers.get(f);
      if (!n) continue;
      stats.files += 1;
      stats.added += n.added;
      stats.removed += n.removed;
      if (n.binary) stats.binary += 1;
    }
    return stats;
  });
}

export async function seriesWarnings(input: SeriesInput, lineLimit: number | null, stats?: PatchStats[]): Promise<SeriesWarning[]> {
  const warnings: SeriesWarning[] = await revertWarnings(input);
  const perPatch = changesByPatch(input);
  for (const [i, patch] of input.patches.entries()) {
    const changes = perPatch[i] ?? [];
    if (!changes.some((c) => c.status === 'A') || !changes.some((c) => c.status === 'D')) continue;
    const renames = await detectRenames(input.repo, input.base, input.targetCommit, changes.map((c) => c.path), SEARCH_THRESHOLD);
    for (const r of renames.filter((x) => x.similarity < FOLLOW_THRESHOLD)) {
      warnings.push({
        kind: 'rewritten-rename',
        patchId: patch.id,
        from: r.from,
        to: r.to,
        similarity: r.similarity,
        message:
          `"${patch.subject}" moves ${r.from} to ${r.to} and changes ${100 - r.similarity}% of it: reviewers and \`git log --follow\` ` +
          'will see a removal and a new file. Move it unchanged in one patch and change it in the next.',
      });
    }
  }
  if (lineLimit !== null) {
    const numbers = stats ?? (await patchStats(input));
    for (const [i, s] of numbers.entries()) {
      const lines = s.added + s.removed;
      const patch = input.patches[i];
      if (patch && lines > lineLimit) {
        warnings.push({
          kind: 'too-large',
          patchId: patch.id,
          lines,
          limit: lineLimit,
          message: `"${patch.subject}" changes ${lines} lines, over the limit of ${lineLimit}: split it so that reviewers can read it.`,
        });
      }
    }
  }
  return warnings;
}
