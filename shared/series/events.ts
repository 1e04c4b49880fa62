/** Plan events of the patch series, derived from their schemas (./schema.ts). */
import type { z } from 'zod';
import type { seriesEditSchemas, seriesEngineSchemas } from './schema';

/** The Series view's edits: client commands, sent through `plan.change`. */
export type SeriesEdit = z.infer<ReturnType<typeof seriesEditSchemas>[number]>;

/** A proposal cut from the refs and an exported version: written by the series engine only. */
export type SeriesEngineEvent = z.infer<(typeof seriesEngineSchemas)[number]>;

export type SeriesEvent = SeriesEdit | SeriesEngineEvent;
