/** A card's own changes, derived from their schemas (./schema.ts). */
import type { z } from 'zod';
import type { cardSchemas } from './schema';

export type CardChange = z.infer<(typeof cardSchemas)[number]>;
