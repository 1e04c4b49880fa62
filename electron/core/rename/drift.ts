/**
 * Drift of copied rules: per file, whether only the source, only the destination, or both
 * changed since the interim copy (or since the last sync that left the copies equal). Two
 * `ls-tree -r` calls per rule (and once per copy, its parent's destination), no process per file.
 */
import { quotePath } from '../../../shared/paths';
import { classifyDrift, relativeFiles, withoutRels } from '../../../shared/rename/drift';
import type { DriftFile, RenameRule, RuleDrift } from '../../../shared/rename/model';
import { ok, type Result } from '../../../shared/result';
import { firstParent } from '../git/rev-parse';
import { lsTree, type TreeEntry } from '../git/trees';
import type { PlanAccess } from '../context';
import type { Lru } from '../host/lru';
import { headCommit, pickRules, type PhaseNeed } from './rules';

/** The commit whose destination is the merge base: the last clean sync, else the copy. */
export const baseCommit = (rule: RenameRule): string | null => rule.syncCommit ?? rule.copyCommit;

/**
 * The files the rule's destination held before its interim copy (in the copy commit's parent):
 * the destination folder may have existed with other files, which are never the rule's. A
 * commit's parent never changes, so `cache` (the repository's) keeps the answer per commit and folder.
 */
export async function destinationBeforeCopy(repo: string, rule: Pick<RenameRule, 'to' | 'copyCommit'>, cache?: Lru<TreeEntry[]>): Promise<TreeEntry[]> {
  const copyCommit = rule.copyCommit;
  if (copyCommit === null) return [];
  const key = JSON.stringify([copyCommit, rule.to]);
  const cached = cache?.get(key);
  if (cached) return cached;
  const parent = await firstParent(repo, copyCommit);
  const files = parent === null ? [] : await lsTree(repo, parent, [rule.to]);
  cache?.set(key, files);
  return files;
}

/** The destination's files at `commit` that are the rule's: all but those from before its copy. */
export async function ruleDestinationFiles(repo: string, rule: RenameRule, commit: string): Promise<TreeEntry[]> {
  const [pre, now] = await Promise.all([destinationBeforeCopy(repo, rule), lsTree(repo, commit, [rule.to])]);
  const old = new Set(pre.map((f) => f.path));
  return now.filter((f) => !old.has(f.path));
}

/** The drift of one copied rule at `head`. */
export async function ruleDrift(repo: string, rule: RenameRule, head: string): Promise<DriftFile[]> {
  const base = baseCommit(rule);
  if (base === null) return [];
  const [baseFiles, headFiles, pre] = await Promise.all([lsTree(repo, base, [rule.to]), lsTree(repo, head, [rule.from, rule.to]), destinationBeforeCopy(repo, rule)]);
  const source = relativeFiles(headFiles, rule.from);
  // The destination's own files are left out, except where the source now has a file of the same
  // name: then both sides hold that path, and a sync merges (or shows the conflict) rather than
  // writing the source's file over one that was never the rule's.
  const own = new Set(relativeFiles(pre, rule.to).keys());
  const ownUnshadowed = new Set([...own].filter((rel) => !source.has(rel)));
  return classifyDrift(rule, withoutRels(relativeFiles(baseFiles, rule.to), own), source, withoutRels(relativeFiles(headFiles, rule.to), ownUnshadowed));
}

const COPIED_FOR_DRIFT: PhaseNeed = { phase: 'copied', why: 'drift exists only between the two copies of a copied rule.' };

/** Drift of one rule, or of every copied rule. */
export async function driftOf(ctx: PlanAccess, ruleId?: string): Promise<Result<RuleDrift[]>> {
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
