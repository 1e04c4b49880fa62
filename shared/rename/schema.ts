import { z } from 'zod';

const ruleSchema = z.object({
  id: z.string().min(1).max(200),
  from: z.string().min(1).max(4096),
  to: z.string().min(1).max(4096),
  phase: z.enum(['planned', 'copied', 'moved', 'abandoned']),
  copyCommit: z.string().nullable(),
  syncCommit: z.string().nullable().optional(),
  moveCommit: z.string().nullable(),
});
const buildSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  command: z.string().min(1).max(10000),
  last: z
    .object({ commit: z.string(), passed: z.boolean(), at: z.string(), exitCode: z.number().int().nullable() })
    .nullable(),
});

export const renameChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rename.put'), rule: ruleSchema }),
  z.object({ type: z.literal('rename.remove'), ruleId: z.string().min(1) }),
  z.object({ type: z.literal('build.put'), build: buildSchema }),
  z.object({ type: z.literal('build.remove'), buildId: z.string().min(1) }),
]);
