/** Plan events of the rename plan and the build checks, derived from their schemas (./schema.ts). */
import type { z } from 'zod';
import type { renameEventSchema } from './schema';

export type RenameEvent = z.infer<typeof renameEventSchema>;
