/**
 * Every change to the plan is an event with who and when. The plan is the fold of its events
 * in (at, id) order, so two laptops' logs merge by union and neither side's edit is lost.
 */
import type { Actor, CardState, Pairing, Person, Subsystem } from '../model';
import type { RenameEvent } from '../rename/events';
import type { SeriesEvent } from '../series/events';

/** Board and sprint changes: what a drag, a menu item or a CLI command does. */
export type BoardChange =
  | { type: 'sprint.init'; upstreamRef: string; forkRef: string; pairings: Pairing[] }
  /**
   * Upserts a person. `order` (the whole person order afterwards) and `assign` (subsystem ids
   * that get this person as owner) let one change undo a `person.remove` exactly.
   */
  | { type: 'person.put'; person: Person; order?: string[]; assign?: string[] }
  | { type: 'person.remove'; personId: string }
  /** Replaces the whole subsystem set (derive from folders, import from MAINTAINERS). */
  | { type: 'subsystems.replace'; subsystems: Subsystem[] }
  /** Upserts whole records and removes ids: merge, split, and the inverse of any change (undo). */
  | { type: 'subsystems.put'; subsystems: Subsystem[]; remove: string[]; order?: string[] }
  | { type: 'subsystem.rename'; subsystemId: string; name: string }
  | { type: 'subsystem.merge'; subsystemIds: string[]; into: string }
  | { type: 'subsystem.split'; subsystemId: string; newId: string; name: string; files: string[] }
  | { type: 'file.move'; path: string; to: string }
  | { type: 'card.assign'; subsystemId: string; owner: string | null }
  | { type: 'card.state'; subsystemId: string; state: CardState }
  | { type: 'card.block'; subsystemId: string; reason: string | null }
  | { type: 'card.reorder'; order: string[] };

export type PlanChange = BoardChange | RenameEvent | SeriesEvent;

/** A change as stored: the change plus its identity, author and time. */
export type PlanEvent = PlanChange & {
  /** Unique, sortable: `${at}-${random}`. */
  id: string;
  /** ISO-8601 UTC time of the change. */
  at: string;
  by: Actor;
};
