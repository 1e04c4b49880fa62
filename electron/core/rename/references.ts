/**
 * What in HEAD's tree still names each rule's old path: #include and .incbin lines, Makefile,
 * Kconfig and Documentation lines (shared/rename/references.ts), so the team knows what to
 * switch over before finishing the move. One `git grep` for all rules.
 */
import { isUnder } from '../../../shared/paths';
import { classifyReference, referenceSearchTerms, referenceTerms } from '../../../shared/rename/references';
import type { RuleReferences } from '../../../shared/rename/model';
import { ok, type Result } from '../../../shared/result';
import { grepFixed } from '../git/grep';
import type { PlanAccess } from '../context';
import { headCommit, pickRules } from './rules';

/** Enough to act on; a tree naming an old path more often than this needs a script, not a list. */
const MAX_HITS = 20000;

export async function oldPathReferences(ctx: PlanAccess, ruleId?: string): Promise<Result<RuleReferences[]>> {
  const head = await headCommit(ctx.repo);
  if (!head.ok) return head;
  const picked = await pickRules(ctx, ruleId, (r) => r.phase !== 'abandoned');
  if (!picked.ok) return picked;
  const rules = picked.value;
  const termsOf = new Map(rules.map((r) => [r.id, referenceTerms(r.from)]));
  const allTerms = referenceSearchTerms([...new Set([...termsOf.values()].flat())]);
  const hits = await grepFixed(ctx.repo, head.value, allTerms, MAX_HITS);
  return ok(
    rules.map((rule) => {
      const terms = termsOf.get(rule.id) as string[];
      const references = [];
      for (const hit of hits) {
        // Files inside the source go away with the move; their copies in the destination are listed.
        if (isUnder(hit.path, rule.from)) continue;
        const kind = classifyReference(hit.path, hit.text, terms);
        if (kind) references.push({ ...hit, kind });
      }
      return { ruleId: rule.id, references };
    }),
  );
}
