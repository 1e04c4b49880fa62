/**
 * How the paths and refs inside a plan change are checked. A stored event is read back by its
 * shape only, so an old plan still folds whatever later versions ask of new changes; a client's
 * command is held to the rename plan's path rules (shared/paths.ts) and the ref rules
 * (shared/refs.ts), each with its own message, before anything is written.
 */
import { z } from 'zod';
import { checkRepoPath } from '../paths';
import { checkRefText } from '../refs';

export interface FieldRules {
  /** A repository path; `what` names it in the message ("file", "fork folder"). */
  path(what: string): z.ZodString;
  /** A revision a user typed (a branch, a tag, a commit). */
  ref(what: string): z.ZodString;
}

export const repoPathSchema = z.string().min(1).max(4096);
export const refSchema = z.string().min(1).max(1000);

/** Shape only: what the fold reads back from the plan ref. */
export const storedRules: FieldRules = { path: () => repoPathSchema, ref: () => refSchema };

/** With a rule's message as the issue, so the refusal says what was wrong and what to do. */
const ruled = (schema: z.ZodString, check: (text: string) => string | null): z.ZodString =>
  schema.superRefine((text, ctx) => {
    const problem = check(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** What a client sends: every path and ref by the same rules as the rename plan's. */
export const commandRules: FieldRules = {
  path: (what) => ruled(z.string().max(4096), (p) => checkRepoPath(p, what)),
  ref: (what) => ruled(z.string().max(1000), (r) => checkRefText(r, what)),
};
