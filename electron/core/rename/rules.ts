/**
 * The rename rules in the plan: list them with what is wrong with each, preview what a rule
 * would create, add (only a rule with nothing wrong) and remove.
 */
import { randomBytes } from 'node:crypto';
import { normaliseDir, quotePath } from '../../../shared/paths';
import { checkRulePaths, checkRules, lookupTree, type RuleDraft, type TreeLookup } from '../../../shared/rename/check';
import type { RenameRule, RuleCheck, RenamePhase, RuleProblem, RuleSummary } from '../../../shared/rename/model';
import { fail, ok, type Result } from '../../../shared/result';
import { commitId } from '../git/rev-parse';
import { lsTree } from '../git/trees';
import type { PlanAccess } from '../context';
import { gitFileChecker } from './git-files';

/** HEAD's files, prepared for the checks. */
export async function loadTree(repo: string, commit: string): Promise<TreeLookup> {
  return lookupTree(await lsTree(repo, commit));
}

export async function headCommit(repo: string): Promise<Result<string>> {
  const head = await commitId(repo, 'HEAD');
  return head ? ok(head) : fail('empty-repository', 'The repository has no commit at HEAD yet: commit something first.');
}

export async function planRules(ctx: PlanAccess): Promise<RenameRule[]> {
  const { plan } = await ctx.plan.snapshot();
  return plan.renameOrder.map((id) => plan.renames[id]).filter((r): r is RenameRule => r !== undefined);
}

/** What an operation needs of the rule it is given: its phase, and in words why (for the refusal). */
export interface PhaseNeed {
  phase: RenamePhase;
  why: string;
}

/** The rule with this id; with `needs`, refused unless it is in that phase. */
export async function findRule(ctx: PlanAccess, ruleId: string, needs?: PhaseNeed): Promise<Result<RenameRule>> {
  const { plan } = await ctx.plan.snapshot();
  const rule = plan.renames[ruleId];
  if (!rule) return fail('not-found', `There is no rename rule with id ${quotePath(ruleId)}: list the rules (rename list) to see their ids.`);
  if (needs && rule.phase !== needs.phase) return fail('refused', `The rule ${quotePath(rule.from)} -> ${quotePath(rule.to)} is ${rule.phase}: ${needs.why}`);
  return ok(rule);
}

/** The rules a look at the tree covers: the one named (refused unless in the phase `needs` names), or every rule `keep` accepts. */
export async function pickRules(ctx: PlanAccess, ruleId: string | undefined, keep: (rule: RenameRule) => boolean, needs?: PhaseNeed): Promise<Result<RenameRule[]>> {
  if (ruleId === undefined) return ok((await planRules(ctx)).filter(keep));
  const found = await findRule(ctx, ruleId, needs);
  return found.ok ? ok([found.value]) : found;
}

/**
 * Every rule with its problems against HEAD and the other rules. A planned rule's copy is also
 * checked as git fsck would check it: the `.gitmodules` and `.gitattributes` it writes are read.
 */
export async function checkAllRules(ctx: PlanAccess, extra: RuleDraft[] = []): Promise<Result<{ head: string; tree: TreeLookup; checks: Map<string, RuleCheck> }>> {
  const head = await headCommit(ctx.repo);
  if (!head.ok) return head;
  const tree = await loadTree(ctx.repo, head.value);
  const rules = [...(await planRules(ctx)), ...extra];
  const checks = checkRules(rules, tree);
  const gitFiles = gitFileChecker(ctx.repo, tree);
  for (const rule of rules) {
    const check = checks.get(rule.id);
    if (rule.phase === 'planned' && check) check.problems.push(...(await gitFiles(check.files)));
  }
  return ok({ head: head.value, tree, checks });
}

export async function listRules(ctx: PlanAccess): Promise<Result<RuleSummary[]>> {
  const checked = await checkAllRules(ctx);
  if (!checked.ok) return checked;
  return ok(
    await Promise.all(
      (await planRules(ctx)).map(async (rule) => {
        const check = checked.value.checks.get(rule.id);
        // A moved rule has nothing left to copy: it counts the files its move left at the destination.
        const fileCount =
          rule.phase === 'moved' && rule.moveCommit !== null ? (await lsTree(ctx.repo, rule.moveCommit, rule.to).catch(() => [])).length : (check?.files.length ?? 0);
        return { rule, problems: check?.problems ?? [], fileCount };
      }),
    ),
  );
}

/** A short id that stays the rule's for good: the source's last folder name and a random suffix (two laptops never clash). */
export function newRuleId(from: string): string {
  const last = from.slice(from.lastIndexOf('/') + 1);
  const slug = last.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 20) || 'rule';
  return `${slug}-${randomBytes(2).toString('hex')}`;
}

const DRAFT_ID = '(draft)';

/** What a rule, stored or not yet written, would create, and what is wrong with it. */
export async function previewRule(ctx: PlanAccess, which: { ruleId: string } | { from: string; to: string }): Promise<Result<RuleCheck>> {
  let draft: RuleDraft | null = null;
  if ('from' in which) {
    const bad = checkRulePaths(which);
    if (bad.length > 0) return ok({ ruleId: DRAFT_ID, problems: bad, warnings: [], files: [] });
    draft = { id: DRAFT_ID, from: normaliseDir(which.from), to: normaliseDir(which.to), phase: 'planned' };
  } else {
    const found = await findRule(ctx, which.ruleId);
    if (!found.ok) return found;
  }
  const checked = await checkAllRules(ctx, draft ? [draft] : []);
  if (!checked.ok) return checked;
  const id = draft ? DRAFT_ID : (which as { ruleId: string }).ruleId;
  return ok(checked.value.checks.get(id) ?? { ruleId: id, problems: [], warnings: [], files: [] });
}

/** One line saying everything that is wrong: the first problem, and how many more. */
export function describeProblems(problems: RuleProblem[]): string {
  const first = problems[0]?.message ?? '';
  return problems.length > 1 ? `${first} (${problems.length - 1} more problem${problems.length > 2 ? 's' : ''}: ${problems.slice(1).map((p) => p.code).join(', ')})` : first;
}

/** A rule with problems is bad input: the paths typed need changing (or the tree, first). */
export const problemsFailure = (problems: RuleProblem[]) => fail('bad-path', describeProblems(problems));

/** Adds a rule, refused (and not stored) when anything is wrong with it. */
export async function addRule(ctx: PlanAccess, from: string, to: string): Promise<Result<{ rule: RenameRule; check: RuleCheck }>> {
  const bad = checkRulePaths({ from, to });
  if (bad.length > 0) return problemsFailure(bad);
  const rule: RenameRule = { id: newRuleId(normaliseDir(from)), from: normaliseDir(from), to: normaliseDir(to), phase: 'planned', copyCommit: null, syncCommit: null, moveCommit: null };
  const checked = await checkAllRules(ctx, [rule]);
  if (!checked.ok) return checked;
  const check = checked.value.checks.get(rule.id) as RuleCheck;
  if (check.problems.length > 0) return problemsFailure(check.problems);
  const changed = await ctx.plan.record({ type: 'rename.put', rule }, ctx.actor);
  if (!changed.ok) return changed;
  return ok({ rule, check });
}

/** Removes a rule that is not in the middle of its life (a copied rule is abandoned or finished first). */
export async function removeRule(ctx: PlanAccess, ruleId: string): Promise<Result<{ ruleId: string }>> {
  const found = await findRule(ctx, ruleId);
  if (!found.ok) return found;
  if (found.value.phase === 'copied') {
    return fail('refused', `The rule ${quotePath(found.value.from)} -> ${quotePath(found.value.to)} has its interim copy on the branch: finish the move or abandon the copy first.`);
  }
  const changed = await ctx.plan.record({ type: 'rename.remove', ruleId }, ctx.actor);
  return changed.ok ? ok({ ruleId }) : changed;
}
