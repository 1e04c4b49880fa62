/** The plan model: the words of ../DESIGN.md as types. Pure data, shared by every layer. */
import type { z } from 'zod';
import type { actorSchema, pairingSchema, personSchema, subsystemSchema } from './plan/schema';
import type { RenameRule, BuildCheck } from './rename/model';
import { emptySeries, type SeriesPlan } from './series/model';
import { emptyTeam, type TeamPlan } from './team/model';
import { emptyPickup, type PickupPlan } from './pickup/model';
import type { MaintainersBinding } from './maintainers/map';
import type { CardDetails } from './card/model';

export type FileStatus = 'modified' | 'identical' | 'fork-only' | 'upstream-only';
export const FILE_STATUSES: readonly FileStatus[] = ['modified', 'identical', 'fork-only', 'upstream-only'];

/** A fork folder and its upstream twin (`arch/xen/i386` = `arch/i386`). */
export type Pairing = z.infer<typeof pairingSchema>;

export interface PairingSuggestion extends Pairing {
  /** Share of the fork folder's files whose twin is identical or similar by git's measure, 0..1. */
  score: number;
  forkFiles: number;
  /** Fork files with a twin (the same relative path in the upstream folder). */
  matched: number;
  /** Twins with the same content... */
  identical: number;
  /** ...and those git counts as less than half changed. */
  similar: number;
  /** Enough of the folder's files have a near-identical twin to pair it without a second look. */
  confident: boolean;
}

export interface InventoryFile {
  /** Fork-side path (inside a pairing: FORK_DIR/x, also for upstream-only files). */
  path: string;
  /** The upstream twin (UPSTREAM_DIR/x inside a pairing, else equal to path). */
  upstreamPath: string;
  status: FileStatus;
  added: number;
  removed: number;
  binary: boolean;
  /** While a rename rule is copied: where this source file's interim copy is. */
  interimCopyAt?: string;
  /** This file is the interim copy of that source file (a rename rule's copy, not new work). */
  interimCopyOf?: string;
}

export interface Inventory {
  upstreamRef: string;
  forkRef: string;
  upstreamCommit: string;
  forkCommit: string;
  pairings: Pairing[];
  files: InventoryFile[];
}

// In a file of their own, so that the schemas this model's types come from can name them too.
export { CARD_STATES, type CardState } from './plan/card-states';

/** The records of the plan's events are declared once, as their schemas (./plan/schema.ts). */
export type Person = z.infer<typeof personSchema>;
export type Subsystem = z.infer<typeof subsystemSchema>;

/** Who made a change: from git's user.name/user.email, or what the user typed in the app. */
export type Actor = z.infer<typeof actorSchema>;

export interface SprintSettings {
  upstreamRef: string;
  forkRef: string;
  pairings: Pairing[];
}

/** The folded plan: normalised records and ordered id lists. */
export interface Plan {
  /** The plan ref's commit this state was read from ('' when there is no plan yet). */
  head: string;
  sprint: SprintSettings | null;
  people: Record<string, Person>;
  personOrder: string[];
  subsystems: Record<string, Subsystem>;
  subsystemOrder: string[];
  /** The rename plan (see shared/rename/): rules in the order the user wrote them. */
  renames: Record<string, RenameRule>;
  renameOrder: string[];
  /** Named build checks with their last results; each command is the clone's (git config), never the plan's. */
  builds: Record<string, BuildCheck>;
  buildOrder: string[];
  /** The patch series (see shared/series/). */
  series: SeriesPlan;
  /** Each card's branch and each person's work-in-progress limit (see shared/team/). */
  team: TeamPlan;
  /** Picking up the fork's new work (see shared/pickup/). */
  pickup: PickupPlan;
  /** MAINTAINERS sections bound to folders, for a file without F: lines (see shared/maintainers/map.ts). */
  maintainersMap: MaintainersBinding[];
  /** Each card's notes, checklist and reviewer (see shared/card/). */
  cards: CardDetails;
}

export const emptyPlan = (): Plan => ({
  head: '',
  sprint: null,
  people: {},
  personOrder: [],
  subsystems: {},
  subsystemOrder: [],
  renames: {},
  renameOrder: [],
  builds: {},
  buildOrder: [],
  series: emptySeries(),
  team: emptyTeam(),
  pickup: emptyPickup(),
  maintainersMap: [],
  cards: {},
});
