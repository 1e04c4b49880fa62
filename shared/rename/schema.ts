/**
 * The rename plan's and the build checks' events, as zod schemas from which their types
 * (./events.ts, ./model.ts) are derived. All of them are engine events: the services write them
 * when a rule is added, copied, moved or abandoned and when a build check is added or has run;
 * a client never sends one (shared/plan/schema.ts).
 */
import { z } from 'zod';

const idSchema = z.string().min(1).max(200);

export const renamePhaseSchema = z.enum(['planned', 'copied', 'moved', 'abandoned']);

export const renameRuleSchema = z.object({
  id: idSchema,
  /** Source path, a folder or a file, relative to the repository root. */
  from: z.string().min(1).max(4096),
  /** Destination path. */
  to: z.string().min(1).max(4096),
  phase: renamePhaseSchema,
  /** Commit that made the interim copy (the merge base for drift and sync, until a sync). */
  copyCommit: z.string().nullable(),
  /**
   * The last sync that left the two copies equal: the merge base from then on. Null until then
   * (and kept when a sync left conflicts, since those files still differ).
   */
  syncCommit: z.string().nullable().optional(),
  /** Commit that finished the move. */
  moveCommit: z.string().nullable(),
});

/** A build check's name as the plan keeps it. */
export const buildNameSchema = z.string().trim().min(1).max(200);

/**
 * A name for a new build check. It is also the key of the check's command in the clone's git
 * config (`merge-sprint.build.<name>.command`), which holds any text but a line break or NUL.
 */
export const newBuildNameSchema = buildNameSchema.refine(
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  (name) => !/[\0-\x1f\x7f]/.test(name),
  'A build check name is one line of text without control characters, for example "new layout".',
);

export const buildResultSchema = z.object({ commit: z.string(), passed: z.boolean(), at: z.string(), exitCode: z.number().int().nullable() });

/**
 * A build check as the plan keeps it: its id, its name and its last result, never its command,
 * which is the clone's (git config). Events of older versions still carry a `command`: the
 * schema drops it, so such a command is never run.
 */
export const buildCheckSchema = z.object({
  id: idSchema,
  name: buildNameSchema,
  /** Last run: pass/fail with the commit it ran on. */
  last: buildResultSchema.nullable(),
});

export const renameEventSchemas = [
  z.object({ type: z.literal('rename.put'), rule: renameRuleSchema }),
  z.object({ type: z.literal('rename.remove'), ruleId: idSchema }),
  z.object({ type: z.literal('build.put'), build: buildCheckSchema }),
  z.object({ type: z.literal('build.remove'), buildId: idSchema }),
] as const;

export const renameEventSchema = z.discriminatedUnion('type', renameEventSchemas);
