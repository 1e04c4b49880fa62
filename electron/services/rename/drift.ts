/**
 * Drift of copied rules: per file, whether only the source, only the destination, or both
 * changed since the interim copy (or since the last sync that left the copies equal). Two
 * `ls-tree -r` calls per rule, no process per file.
 */
import { quotePath } from '../../../shared/paths';
import { classifyDrift, relativeFiles } from '../../../shared/rename/drift';
import type { DriftFile, RenameRule, RuleDrift } from '../../../shared/rename/model';
import { ok, type Result } from '../../../shared/result';
import { lsTree } from '../git/trees';
import type { RenameContext } from './atomic';
import { headCommit, pickRules, type PhaseNeed } from './rules';

/** The commit whose destination is the merge base: the last clean sync, else the copy. */
export const baseCommit = (rule: RenameRule): string | null => rule.syncCommit ?? rule.copyCommit;

/** The drift of one copied rule at `head`. */
export async function ruleDrift(repo: string, rule: RenameRule, head: string): Promise<DriftFile[]> {
  const base = baseCommit(rule);
  if (base === null) return [];
  const [baseFiles, headFiles] = await Promise.all([lsTree(repo, base, [rule.to]), lsTree(repo, head, [rule.from, rule.to])]);
  return classifyDrift(rule, relativeFiles(baseFiles, rule.to), relativeFiles(headFiles, rule.from), relativeFiles(headFiles, rule.to));
}

const COPIED_FOR_DRIFT: PhaseNeed = { phase: 'copied', why: 'drift exists only between the two copies of a copied rule.' };

/** Drift of one rule, or of every copied rule. */
export async function driftOf(ctx: RenameContext, ruleId?: string): Promise<Result<RuleDrift[]>> {
  const head = await headCommit(ctx.repo);
  if (!head.ok) return head;
  const rules = await pickRules(ctx, ruleId, (r) => r.phase === 'copied', COPIED_FOR_DRIFT);
  if (!rules.ok) return rules;
  const drifts = await Promise.all(rules.value.map(async (rule) => ({ ruleId: rule.id, files: await ruleDrift(ctx.repo, rule, head.value) })));
  return ok(drifts);
}

/** A few drifting files in words, for a refusal. */
export function describeDrift(files: DriftFile[]): string {
  const shown = files.slice(0, 5).map((f) => `${quotePath(f.rel || f.destinationPath)} (${f.kind === 'both' ? 'changed on both sides' : `changed in the ${f.kind}`})`);
  return `${shown.join(', ')}${files.length > 5 ? ` and ${files.length - 5} more` : ''}`;
}
