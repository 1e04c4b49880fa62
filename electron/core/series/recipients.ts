/**
 * Each patch's To and Cc with their reasons, from the MAINTAINERS file of the target (or of
 * upstream when the target has none) read with the plan's maintainers map, the pairings' twins
 * and the copied rename rules (shared/series/recipients.ts). The Series view, `series list` and
 * the export all take them from here.
 */
import { hasFilePatterns, withMap } from '../../../shared/maintainers/map';
import { indexMaintainers } from '../../../shared/maintainers/match';
import { parseMaintainers } from '../../../shared/maintainers/parse';
import type { RenameRule } from '../../../shared/rename/model';
import { explainRecipients, twinOf, type PatchRecipients, type Twin } from '../../../shared/series/recipients';
import { readFileAt } from '../git/cat-file';
import { changesByPatch, type SeriesInput } from './load';

export interface SeriesRecipients {
  patches: PatchRecipients[];
  /** Why no patch has recipients (no MAINTAINERS file, or one without F: lines and no map), or null. */
  problem: string | null;
}

export async function recipientsOfSeries(input: SeriesInput): Promise<SeriesRecipients> {
  const text = (await readFileAt(input.repo, input.targetCommit, 'MAINTAINERS')) ?? (await readFileAt(input.repo, input.base, 'MAINTAINERS'));
  const perPatch = changesByPatch(input).map((changes) => changes.map((c) => c.path));
  const none = (problem: string): SeriesRecipients => ({ patches: input.patches.map((p) => ({ patchId: p.id, to: [], cc: [] })), problem });
  if (text === null) return none('Neither the target nor upstream has a MAINTAINERS file: the patches have no To or Cc; add them when sending.');
  const { plan } = input;
  const sections = parseMaintainers(text).sections;
  const mapped = plan.maintainersMap.some((b) => b.folders.length > 0);
  if (!hasFilePatterns(sections) && !mapped) {
    return none('MAINTAINERS has no F: lines, as before 2009: map its sections to folders (Subsystems > Map sections to folders, or `merge-sprint maintainers map --suggest`) and the patches get their To and Cc.');
  }
  const pairings = plan.sprint?.pairings ?? [];
  const renames = plan.renameOrder.flatMap((id) => (plan.renames[id] ? [plan.renames[id] as RenameRule] : []));
  const twins = new Map<string, Twin | null>();
  for (const c of input.changes) twins.set(c.path, twinOf(c.path, pairings, renames));
  const twinPaths = [...twins.values()].flatMap((t) => (t ? [t.path] : []));
  const index = indexMaintainers(withMap(sections, plan.maintainersMap), [...input.changes.map((c) => c.path), ...twinPaths]);
  return {
    patches: perPatch.map((files, i) => ({ patchId: input.patches[i]?.id ?? '', ...explainRecipients(index, files, (f) => twins.get(f) ?? null) })),
    problem: null,
  };
}
