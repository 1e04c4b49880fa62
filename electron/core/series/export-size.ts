/**
 * The export's size as mail, with the fork's copies of upstream twins exported as copies and
 * with every file whole: what `series check` prints, so the team sees what copy detection
 * saves reviewers (and the lists' size limits) before exporting.
 */
import type { Actor } from '../../../shared/model';
import type { ExportSize } from '../../../shared/series/reports';
import { formatPatchSize } from '../git/format-patch';
import { buildSeriesCommits } from './commits';
import { copySourcesByPatch } from './copies';
import type { SeriesInput } from './load';

/** Null when the series cannot be written as commits (the check says why). */
export async function exportSize(input: SeriesInput, sender: Actor): Promise<ExportSize | null> {
  const built = await buildSeriesCommits(input, sender);
  if (!built.ok || !built.value.treeMatches) return null;
  const { tip, commits } = built.value;
  const [withCopies, withoutCopies] = await Promise.all([
    formatPatchSize(input.repo, input.base, tip, sender, copySourcesByPatch(input, commits.map((c) => c.commit))),
    formatPatchSize(input.repo, input.base, tip, sender, null),
  ]);
  return { withCopies, withoutCopies };
}
