/**
 * The plan's changes as zod schemas, from which their types are derived (./events.ts), in two
 * kinds:
 * - client commands (`clientCommandSchema`): what a window, a browser or the command line may
 *   send through `plan.change`, the board's edits and the Series view's patch edits. Every path
 *   in one follows the rename plan's path rules and every ref the ref rules (./field-rules.ts);
 * - engine events (`engineEventSchema`): rename phases, build checks and their results, series
 *   proposals and versions, written only by the services through the store's `record`. A client
 *   that sends one is told which operation writes it.
 * `planChangeSchema` reads both back from the plan ref, by shape only.
 */
import { z } from 'zod';
import { CARD_STATES } from './card-states';
import { fail, ok, type Result } from '../result';
import { renameEventSchemas } from '../rename/schema';
import { seriesEditSchemas, seriesEngineSchemas } from '../series/schema';
import { upstreamEngineSchemas } from '../upstream/schema';
import { teamSchemas } from '../team/schema';
import { pickupEventSchemas } from '../pickup/schema';
import { maintainersSchemas } from '../maintainers/schema';
import { cardSchemas } from '../card/schema';
import { commandRules, refSchema, repoPathSchema, storedRules, type FieldRules } from './field-rules';

export { refSchema, repoPathSchema, type FieldRules };

export const idSchema = z.string().min(1).max(200);
export const actorSchema = z.object({ name: z.string().min(1).max(200), email: z.string().max(320) });

const pairingWith = (rules: FieldRules) => z.object({ fork: rules.path('fork folder'), upstream: rules.path('upstream folder') });
export const pairingSchema = pairingWith(storedRules);

export const personSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(200),
  email: z.string().max(320),
  /** CSS colour, `#rrggbb`. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});

export const cardStateSchema = z.enum(CARD_STATES);

const subsystemWith = (rules: FieldRules) =>
  z.object({
    id: idSchema,
    name: z.string().trim().min(1).max(200),
    /** Fork-side inventory paths; every file in scope is in exactly one subsystem. */
    files: z.array(rules.path('file')),
    /** Where the subsystem came from: a folder ('' for the top folder), or a MAINTAINERS section's F:/X: patterns. */
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('folder'), folder: z.union([z.literal(''), rules.path('subsystem folder')]) }),
      z.object({ kind: z.literal('maintainers'), include: z.array(z.string()), exclude: z.array(z.string()) }),
      z.object({ kind: z.literal('manual') }),
    ]),
    /** Person id, or null when unassigned. */
    owner: idSchema.nullable(),
    state: cardStateSchema,
    /** Blocked is a flag with a reason, orthogonal to the state. */
    blocked: z.string().max(2000).nullable(),
  });
export const subsystemSchema = subsystemWith(storedRules);

/** Board and sprint changes: what a drag, a menu item or a CLI command does. */
const boardSchemas = (rules: FieldRules) => {
  const subsystem = subsystemWith(rules);
  return [
    z.object({
      type: z.literal('sprint.init'),
      upstreamRef: rules.ref('upstream ref'),
      forkRef: rules.ref('fork ref'),
      pairings: z.array(pairingWith(rules)),
    }),
    /**
     * Upserts a person. `order` (the whole person order afterwards), `assign` (subsystem ids
     * that get this person as owner) and `review` (those that get them as reviewer) let one
     * change undo a `person.remove` exactly.
     */
    z.object({
      type: z.literal('person.put'),
      person: personSchema,
      order: z.array(idSchema).optional(),
      assign: z.array(idSchema).optional(),
      review: z.array(idSchema).optional(),
    }),
    z.object({ type: z.literal('person.remove'), personId: idSchema }),
    /** Replaces the whole subsystem set (derive from folders, import from MAINTAINERS). */
    z.object({ type: z.literal('subsystems.replace'), subsystems: z.array(subsystem) }),
    /** Upserts whole records and removes ids: merge, split, and the inverse of any change (undo). */
    z.object({ type: z.literal('subsystems.put'), subsystems: z.array(subsystem), remove: z.array(idSchema), order: z.array(idSchema).optional() }),
    z.object({ type: z.literal('subsystem.rename'), subsystemId: idSchema, name: z.string().trim().min(1).max(200) }),
    z.object({ type: z.literal('subsystem.merge'), subsystemIds: z.array(idSchema).min(2), into: idSchema }),
    z.object({
      type: z.literal('subsystem.split'),
      subsystemId: idSchema,
      newId: idSchema,
      name: z.string().trim().min(1).max(200),
      files: z.array(rules.path('file')).min(1),
    }),
    z.object({ type: z.literal('file.move'), path: rules.path('file'), to: idSchema }),
    z.object({ type: z.literal('card.assign'), subsystemId: idSchema, owner: idSchema.nullable() }),
    z.object({ type: z.literal('card.state'), subsystemId: idSchema, state: cardStateSchema }),
    z.object({ type: z.literal('card.block'), subsystemId: idSchema, reason: z.string().trim().min(1).max(2000).nullable() }),
    z.object({ type: z.literal('card.reorder'), order: z.array(idSchema) }),
  ] as const;
};

export const boardChangeSchema = z.discriminatedUnion('type', boardSchemas(storedRules));

export const engineEventSchema = z.discriminatedUnion('type', [...renameEventSchemas, ...seriesEngineSchemas, ...upstreamEngineSchemas, ...pickupEventSchemas]);

type EngineType = z.infer<typeof engineEventSchema>['type'];

/** Which operation writes each engine event: what a client that sent one is told to use instead. */
export const ENGINE_EVENT_WRITERS: Record<EngineType, string> = {
  'rename.put': 'when it adds, copies, moves or abandons a rule: use rename add, copy, finish or abandon',
  'rename.remove': 'when it removes a rule: use rename remove',
  'build.put': 'when a build check is added or has run: use build add or build run',
  'build.remove': 'when a build check is removed: use build remove',
  'series.propose': 'when it cuts the series from the refs: use series propose',
  'series.version': 'when it exports the series: use series export',
  'upstream.move': 'when it merges a new upstream into the sprint branch: use upstream apply',
  'pickup.from': 'when it has checked the fork ref for pick-ups: use pickup set-from (or init --pick-up-from)',
  'pickup.record': 'when it picks up fork commits: use pickup apply',
};

const isEngineType = (type: string): type is EngineType => Object.prototype.hasOwnProperty.call(ENGINE_EVENT_WRITERS, type);

/** Why a change of this type is not a client's to send. */
export function refusalOf(type: string): string {
  const shown = JSON.stringify(type.slice(0, 80));
  if (isEngineType(type)) return `${type} is written by Merge Sprint itself ${ENGINE_EVENT_WRITERS[type]}.`;
  return `${shown} is not a change a client can send: send a board or series edit (card.state, file.move, series.reorder, ...).`;
}

export const clientCommandSchema = z.discriminatedUnion('type', [...boardSchemas(commandRules), ...seriesEditSchemas(commandRules), ...teamSchemas(commandRules, true), ...maintainersSchemas(commandRules), ...cardSchemas], {
  error: (issue) => {
    if (issue.code !== 'invalid_union') return undefined;
    const type: unknown = (issue.input as { type?: unknown } | null)?.type;
    return typeof type === 'string' ? refusalOf(type) : 'A change needs a "type" naming what it does, for example "card.state".';
  },
});

/** Every change the plan knows, as it is read back from the plan ref. */
export const planChangeSchema = z.discriminatedUnion('type', [
  ...boardSchemas(storedRules),
  ...seriesEditSchemas(storedRules),
  ...teamSchemas(storedRules, false),
  ...maintainersSchemas(storedRules),
  ...cardSchemas,
  ...renameEventSchemas,
  ...seriesEngineSchemas,
  ...upstreamEngineSchemas,
  ...pickupEventSchemas,
]);

/** The first issue of a failed parse, in words: `subsystems[0].files[2]: The file "../x" contains ".."…`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** A change as a client sent it, checked: an engine event is refused by name, a bad path with its rule's message. */
export function parseClientCommand(change: unknown): Result<z.output<typeof clientCommandSchema>> {
  const type: unknown = (change as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && isEngineType(type)) return fail('refused', refusalOf(type));
  const parsed = clientCommandSchema.safeParse(change);
  return parsed.success ? ok(parsed.data) : fail('bad-input', describeIssue(parsed.error));
}
