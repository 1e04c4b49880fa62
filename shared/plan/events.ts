/**
 * Every change to the plan is an event with who and when. The plan is the fold of its events
 * in (at, id) order, so two laptops' logs merge by union and neither side's edit is lost. The
 * types are derived from the schemas (./schema.ts), so each change is declared once.
 */
import type { z } from 'zod';
import type { Actor } from '../model';
import type { boardChangeSchema, clientCommandSchema, engineEventSchema, planChangeSchema } from './schema';

/** Board and sprint changes: what a drag, a menu item or a CLI command does. */
export type BoardChange = z.infer<typeof boardChangeSchema>;

/** What a client (window, browser, command line) may send through `plan.change`: board and series edits. */
export type ClientCommand = z.infer<typeof clientCommandSchema>;

/** What only the services write: rename phases, build checks and results, series proposals and versions. */
export type EngineEvent = z.infer<typeof engineEventSchema>;

export type PlanChange = z.infer<typeof planChangeSchema>;

/** A change as stored: the change plus its identity, author and time. */
export type PlanEvent = PlanChange & {
  /** Unique, sortable: `${at}-${random}`. */
  id: string;
  /** ISO-8601 UTC time of the change. */
  at: string;
  by: Actor;
};
