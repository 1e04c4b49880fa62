/**
 * "Make interim copies": one commit per rule, "Interim copy: SRC -> DST", that adds the
 * destination as an exact copy of the source (modes, symlinks and blob ids kept) and leaves the
 * source in place, so both layouts keep building. The destination folder may exist already with
 * other files: the copy adds its own files next to them (the rule check refused any clash).
 */
import { quotePath } from '../../../shared/paths';
import type { RenameRule } from '../../../shared/rename/model';
import { fail, ok, type Result } from '../../../shared/result';
import { newPathRoots, type TreeFile } from '../../../shared/rename/check';
import { editIndex, type IndexEdit } from '../git/staging-index';
import { commitStep } from './atomic';
import type { PlanAccess } from '../context';
import { checkRepoState, checkTouchedPaths } from './guard';
import { withRenameLock } from './recover';
import { checkAllRules, describeProblems, planRules } from './rules';

export interface CopyResult {
  copies: { ruleId: string; commit: string }[];
}

export const copyMessage = (rule: Pick<RenameRule, 'from' | 'to'>): string => `Interim copy: ${rule.from} -> ${rule.to}`;

/** Picks the rules to copy: the ones named, or every planned rule. */
async function selectRules(ctx: PlanAccess, which: { ruleIds: string[] } | { all: true }): Promise<Result<RenameRule[]>> {
  const rules = await planRules(ctx);
  if ('all' in which) {
    const planned = rules.filter((r) => r.phase === 'planned');
    return planned.length > 0 ? ok(planned) : fail('refused', 'No rule is waiting for its interim copy: add a rule first (rename add).');
  }
  if (which.ruleIds.length === 0) return fail('bad-input', 'Name at least one rule to copy.');
  const picked: RenameRule[] = [];
  for (const id of new Set(which.ruleIds)) {
    const rule = rules.find((r) => r.id === id);
    if (!rule) return fail('not-found', `There is no rename rule with id ${quotePath(id)}: list the rules (rename list) to see their ids.`);
    if (rule.phase !== 'planned') return fail('refused', `The rule ${quotePath(rule.from)} -> ${quotePath(rule.to)} is ${rule.phase} already: only a planned rule gets an interim copy.`);
    picked.push(rule);
  }
  return ok(picked);
}

/** Makes the interim copies of the rules, one commit each, after checking all of them first. */
export async function copyRules(ctx: PlanAccess, which: { ruleIds: string[] } | { all: true }): Promise<Result<CopyResult>> {
  return withRenameLock(ctx, async () => {
    const state = await checkRepoState(ctx.repo);
    if (!state.ok) return state;
    const selected = await selectRules(ctx, which);
    if (!selected.ok) return selected;
    const checked = await checkAllRules(ctx);
    if (!checked.ok) return checked;
    for (const rule of selected.value) {
      const problems = checked.value.checks.get(rule.id)?.problems ?? [];
      if (problems.length > 0) return fail('refused', `The rule ${quotePath(rule.from)} -> ${quotePath(rule.to)} cannot be copied: ${describeProblems(problems)}`);
    }
    const { tree } = checked.value;
    // Each rule writes its files one by one, into its destination whether that folder is new or
    // holds other files already (those are never read, written or checked).
    const writes = selected.value.map((rule) => {
      const files = checked.value.checks.get(rule.id)?.files ?? [];
      const edits: IndexEdit[] = files.map((f) => ({ path: f.to, mode: f.mode, oid: (tree.files.get(f.from) as TreeFile).oid }));
      return { rule, edits, paths: newPathRoots(rule.to, files.map((f) => f.to), tree) };
    });
    const touched = await checkTouchedPaths(ctx.repo, writes.flatMap((w) => w.paths), { ignoredInTheWay: true });
    if (!touched.ok) return touched;

    const copies: CopyResult['copies'] = [];
    let head = state.value.head;
    for (const { rule, edits, paths } of writes) {
      const made = await commitStep(ctx, { ...state.value, head }, {
        op: 'copy',
        ruleId: rule.id,
        message: copyMessage(rule),
        paths,
        build: (index) => editIndex(ctx.repo, index, edits),
        ruleAfter: (commit) => ({ ...rule, phase: 'copied', copyCommit: commit, syncCommit: null }),
      });
      if (!made.ok) {
        const done = copies.length > 0 ? ` (${copies.length} rule${copies.length > 1 ? 's were' : ' was'} copied before this one)` : '';
        return fail(made.error.code, `${made.error.message}${done}`, made.error.detail);
      }
      copies.push({ ruleId: rule.id, commit: made.value.commit });
      head = made.value.commit;
    }
    return ok({ copies });
  });
}
