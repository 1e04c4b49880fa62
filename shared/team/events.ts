/** The team's plan changes, derived from their schemas (./schema.ts). */
import type { z } from 'zod';
import type { teamSchemas } from './schema';

export type TeamChange = z.infer<ReturnType<typeof teamSchemas>[number]>;
