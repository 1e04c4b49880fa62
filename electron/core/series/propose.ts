/**
 * Proposing a series for the repository's sprint: the changes between the upstream ref and the
 * target (the fork ref unless the user names another), cut by the plan's subsystems, then
 * split to the plan's size limit and ordered so that every step holds together
 * (shared/series/arrange.ts), from the references and sizes read from git (./graph.ts).
 */
import type { Plan } from '../../../shared/model';
import { fail, ok, type Result } from '../../../shared/result';
import { arrangeSeries, withWholeSupport } from '../../../shared/series/arrange';
import { describeBreak } from '../../../shared/series/consistency';
import type { SeriesEvent } from '../../../shared/series/events';
import { seriesSettingsOf } from '../../../shared/series/model';
import { proposeSubject } from '../../../shared/series/naming';
import { proposeSeries, type Proposal } from '../../../shared/series/propose';
import type { PatchSize } from '../../../shared/series/sizes';
import { resolveCommit } from '../git/refs';
import { treeId } from '../git/rev-parse';
import { diffTreeChanges } from '../git/diff-tree';
import { listTreeDirs } from '../git/trees';
import { readFileBytes, readSeriesGraph } from './graph';

export const NO_SPRINT = 'No sprint has been started in this repository: name the upstream and fork refs first (`merge-sprint init`).';

export interface ProposalResult {
  change: Extract<SeriesEvent, { type: 'series.propose' }>;
  proposal: Proposal;
  files: number;
  /** What the proposal did to keep every step whole and every patch under the limit. */
  notes: string[];
  sizes: PatchSize[];
  limitKb: number;
}

export async function proposeForPlan(repo: string, plan: Plan, targetRef?: string): Promise<Result<ProposalResult>> {
  if (!plan.sprint) return fail('no-plan', NO_SPRINT);
  const target = targetRef?.trim() || plan.sprint.forkRef;
  const [base, head] = await Promise.all([resolveCommit(repo, plan.sprint.upstreamRef), resolveCommit(repo, target)]);
  if (!base.ok) return base;
  if (!head.ok) return head;
  const [baseTree, targetTree] = await Promise.all([treeId(repo, base.value), treeId(repo, head.value)]);
  if (baseTree === targetTree) {
    return fail('bad-input', `"${target}" has the same tree as the upstream ref "${plan.sprint.upstreamRef}": there is nothing to send. Name the ref that holds the fork's work.`);
  }
  const changes = await diffTreeChanges(repo, base.value, head.value);
  const garbled = changes.find((c) => c.path.includes('\uFFFD'));
  if (garbled) {
    return fail('bad-input', `The file name "${garbled.path}" is not valid UTF-8: rename it in the fork (git mv) before cutting the series.`);
  }
  const [dirs, graph, fileBytes] = await Promise.all([
    listTreeDirs(repo, base.value),
    readSeriesGraph(repo, base.value, head.value, changes),
    readFileBytes(repo, base.value, head.value, changes),
  ]);
  const proposal = proposeSeries({
    changes,
    subsystems: plan.subsystemOrder.flatMap((id) => (plan.subsystems[id] ? [plan.subsystems[id]] : [])),
    renames: plan.renameOrder.flatMap((id) => (plan.renames[id] ? [plan.renames[id]] : [])),
    baseHasDir: (d) => dirs.has(d),
  });
  const settings = seriesSettingsOf(plan.series);
  const seed = settings.wholeSupport
    ? withWholeSupport(proposal.patches, changes, (files) => proposeSubject(files, proposal.newFolder ?? 'support'))
    : { patches: proposal.patches, whole: null };
  const arranged = arrangeSeries({ ...graph, patches: seed.patches, fileBytes, limitBytes: settings.maxPatchKb * 1024, keepWhole: seed.whole });
  const broken = arranged.breaks[0];
  if (broken) {
    return fail('conflict', `No order of the patches keeps every step whole: ${describeBreak(broken, arranged.patches.length)}. Fix the reference in the fork, or move the file it names into the same patch.`);
  }
  return ok({
    change: { type: 'series.propose', target, base: base.value, patches: arranged.patches },
    // A split or a merge may have moved a rename's file into another patch.
    proposal: { ...proposal, patches: arranged.patches, renames: proposal.renames.map((r) => ({ ...r, patchId: arranged.patches.find((p) => p.files.includes(r.to))?.id ?? r.patchId })) },
    files: changes.length,
    notes: arranged.notes,
    sizes: arranged.sizes,
    limitKb: settings.maxPatchKb,
  });
}
