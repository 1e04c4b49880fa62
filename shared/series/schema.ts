/**
 * The series' plan changes as zod schemas, from which their types (./events.ts) are derived.
 * The Series view's edits (a patch's fields, reorder, merge, split, moving a file) are client
 * commands, their paths checked by the rules the plan's schema passes in; a proposal cut from
 * the refs and an exported version are engine events, written only by the series engine.
 */
import { z } from 'zod';
import { storedRules, type FieldRules } from '../plan/field-rules';

const patchIdSchema = z.string().min(1).max(200);

const patchWith = (rules: FieldRules) =>
  z.object({
    id: patchIdSchema,
    subject: z.string().trim().min(1).max(500),
    description: z.string().max(100000),
    author: z.string().nullable(),
    files: z.array(rules.path('patch file')),
  });

export const seriesPatchSchema = patchWith(storedRules);

export const seriesVersionSchema = z.object({
  version: z.number().int().positive(),
  tip: z.string(),
  base: z.string(),
  at: z.string(),
  changeId: z.string().max(200).optional(),
  coverMessageId: z.string().max(1000).optional(),
});

/** The Series view's edits, sent through `plan.change`. */
export const seriesEditSchemas = (rules: FieldRules) => {
  const patch = patchWith(rules);
  return [
    z.object({ type: z.literal('series.patch.put'), patch }),
    z.object({ type: z.literal('series.patch.remove'), patchId: patchIdSchema }),
    z.object({ type: z.literal('series.reorder'), order: z.array(patchIdSchema) }),
    /** How the next proposal cuts the series: the size limit per patch, and one patch for the whole support. */
    z.object({ type: z.literal('series.settings'), maxPatchKb: z.number().int().min(4).max(100000), wholeSupport: z.boolean() }),
    /**
     * Upserts whole patches and removes ids in one step: what merge, split and moving a file do,
     * and the inverse of any series edit (undo). `order` is the whole patch order afterwards.
     */
    z.object({
      type: z.literal('series.patches.put'),
      patches: z.array(patch),
      remove: z.array(patchIdSchema),
      order: z.array(patchIdSchema).optional(),
    }),
    /** The cover letter's subject and text as the team wrote them; null goes back to the one made from the sprint. */
    z.object({
      type: z.literal('series.cover'),
      cover: z.object({ subject: z.string().trim().min(1).max(500), blurb: z.string().max(100000) }).nullable(),
    }),
    /**
     * The card owner's own sign-off for the patches holding the card's files (true), or its
     * withdrawal (false). Who signs is the event's author, so only the owner can give it.
     */
    z.object({ type: z.literal('card.signOff'), subsystemId: z.string().min(1).max(200), signed: z.boolean() }),
  ] as const;
};

/** What only the series engine writes. */
export const seriesEngineSchemas = [
  /** A new proposal: replaces the patches and their order; earlier versions are kept. */
  z.object({ type: z.literal('series.propose'), target: z.string().min(1), base: z.string().min(1), patches: z.array(seriesPatchSchema) }),
  z.object({ type: z.literal('series.version'), version: seriesVersionSchema }),
] as const;
