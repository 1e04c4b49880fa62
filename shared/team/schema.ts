/**
 * The team's plan changes, as zod schemas from which their types (./events.ts) come. Both are
 * client commands: a card names its branch (also what "Start work" records once the branch
 * exists), and a person or a column (a card state) gets or loses a work-in-progress limit.
 */
import { z } from 'zod';
import type { FieldRules } from '../plan/field-rules';
import { CARD_STATES } from '../plan/card-states';
import { checkBranchRef } from './branch-name';

const id = z.string().min(1).max(200);

/** A branch as a client sends it (checked by the branch rule) or as it is read back (shape only). */
const branchWith = (rules: FieldRules, checked: boolean) =>
  checked
    ? rules.ref('branch').superRefine((text, ctx) => {
        const problem = checkBranchRef(text);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
    : rules.ref('branch');

export const MAX_WIP_LIMIT = 50;
/** A column holds the whole team's cards, so its limit may be larger than a person's. */
export const MAX_COLUMN_LIMIT = 500;

export const teamSchemas = (rules: FieldRules, checked: boolean) =>
  [
    z.object({ type: z.literal('card.branch'), subsystemId: id, branch: branchWith(rules, checked).nullable() }),
    z.object({ type: z.literal('person.wipLimit'), personId: id, limit: z.number().int().min(1, 'A work-in-progress limit is at least 1 card.').max(MAX_WIP_LIMIT, `A work-in-progress limit is at most ${MAX_WIP_LIMIT} cards: nobody works on more at once.`).nullable() }),
    z.object({ type: z.literal('state.wipLimit'), state: z.enum(CARD_STATES), limit: z.number().int().min(1, 'A column\'s limit is at least 1 card.').max(MAX_COLUMN_LIMIT, `A column's limit is at most ${MAX_COLUMN_LIMIT} cards.`).nullable() }),
  ] as const;
