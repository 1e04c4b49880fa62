import { z } from 'zod';

const patchIdSchema = z.string().min(1).max(200);

export const seriesPatchSchema = z.object({
  id: patchIdSchema,
  subject: z.string().trim().min(1).max(500),
  description: z.string().max(100000),
  author: z.string().nullable(),
  files: z.array(z.string().min(1).max(4096)),
});

export const seriesVersionSchema = z.object({
  version: z.number().int().positive(),
  tip: z.string(),
  base: z.string(),
  at: z.string(),
});

export const seriesChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('series.propose'), target: z.string().min(1), base: z.string().min(1), patches: z.array(seriesPatchSchema) }),
  z.object({ type: z.literal('series.patch.put'), patch: seriesPatchSchema }),
  z.object({ type: z.literal('series.patch.remove'), patchId: patchIdSchema }),
  z.object({ type: z.literal('series.reorder'), order: z.array(patchIdSchema) }),
  z.object({
    type: z.literal('series.patches.put'),
    patches: z.array(seriesPatchSchema),
    remove: z.array(patchIdSchema),
    order: z.array(patchIdSchema).optional(),
  }),
  z.object({ type: z.literal('series.version'), version: seriesVersionSchema }),
]);
