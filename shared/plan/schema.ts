/** Validation of plan changes arriving over IPC or HTTP: each argument is checked before use. */
import { z } from 'zod';
import { CARD_STATES } from '../model';
import { renameChangeSchema } from '../rename/schema';
import { seriesChangeSchema } from '../series/schema';

export const idSchema = z.string().min(1).max(200);
export const repoPathSchema = z.string().min(1).max(4096);
export const refSchema = z.string().min(1).max(1000);
export const pairingSchema = z.object({ fork: repoPathSchema, upstream: repoPathSchema });
export const actorSchema = z.object({ name: z.string().min(1).max(200), email: z.string().max(320) });

export const personSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(200),
  email: z.string().max(320),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});

export const cardStateSchema = z.enum(CARD_STATES);

export const subsystemSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(200),
  files: z.array(repoPathSchema),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('folder'), folder: z.string() }),
    z.object({ kind: z.literal('maintainers'), include: z.array(z.string()), exclude: z.array(z.string()) }),
    z.object({ kind: z.literal('manual') }),
  ]),
  owner: idSchema.nullable(),
  state: cardStateSchema,
  blocked: z.string().max(2000).nullable(),
});

export const boardChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sprint.init'), upstreamRef: refSchema, forkRef: refSchema, pairings: z.array(pairingSchema) }),
  z.object({
    type: z.literal('person.put'),
    person: personSchema,
    order: z.array(idSchema).optional(),
    assign: z.array(idSchema).optional(),
  }),
  z.object({ type: z.literal('person.remove'), personId: idSchema }),
  z.object({ type: z.literal('subsystems.replace'), subsystems: z.array(subsystemSchema) }),
  z.object({
    type: z.literal('subsystems.put'),
    subsystems: z.array(subsystemSchema),
    remove: z.array(idSchema),
    order: z.array(idSchema).optional(),
  }),
  z.object({ type: z.literal('subsystem.rename'), subsystemId: idSchema, name: z.string().trim().min(1).max(200) }),
  z.object({ type: z.literal('subsystem.merge'), subsystemIds: z.array(idSchema).min(2), into: idSchema }),
  z.object({
    type: z.literal('subsystem.split'),
    subsystemId: idSchema,
    newId: idSchema,
    name: z.string().trim().min(1).max(200),
    files: z.array(repoPathSchema).min(1),
  }),
  z.object({ type: z.literal('file.move'), path: repoPathSchema, to: idSchema }),
  z.object({ type: z.literal('card.assign'), subsystemId: idSchema, owner: idSchema.nullable() }),
  z.object({ type: z.literal('card.state'), subsystemId: idSchema, state: cardStateSchema }),
  z.object({ type: z.literal('card.block'), subsystemId: idSchema, reason: z.string().trim().min(1).max(2000).nullable() }),
  z.object({ type: z.literal('card.reorder'), order: z.array(idSchema) }),
]);

export const planChangeSchema = z.union([boardChangeSchema, renameChangeSchema, seriesChangeSchema]);
