import { z } from 'zod';

const patchSchema = z.object({
  id: z.string().min(1).max(200),
  subject: z.string().trim().min(1).max(500),
  description: z.string().max(100000),
  author: z.string().nullable(),
  files: z.array(z.string().min(1).max(4096)),
});

export const seriesChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('series.propose'), target: z.string().min(1), base: z.string().min(1), patches: z.array(patchSchema) }),
  z.object({ type: z.literal('series.patch.put'), patch: patchSchema }),
  z.object({ type: z.literal('series.patch.remove'), patchId: z.string().min(1) }),
  z.object({ type: z.literal('series.reorder'), order: z.array(z.string().min(1)) }),
  z.object({
    type: z.literal('series.version'),
    version: z.object({ version: z.number().int().positive(), tip: z.string(), base: z.string(), at: z.string() }),
  }),
]);
