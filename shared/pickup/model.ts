/** Picking up the fork's new work: the plan's record of it and what the pick-up list shows. */
import type { z } from 'zod';
import type { ConflictHunk } from '../rename/model';
import type { pickupEventSchema } from './schema';

export type PickupEvent = z.infer<typeof pickupEventSchema>;

/** What the plan keeps: the fork's live ref, its fork base, and every commit picked up so far. */
export interface PickupPlan {
  ref: string | null;
  base: string | null;
  /** Fork commit -> the sprint commit that brought it in (null: its change was there already). */
  picked: Record<string, string | null>;
}

export const emptyPickup = (): PickupPlan => ({ ref: null, base: null, picked: {} });

export type PickupStatus = 'clean' | 'conflict' | 'already-there';

/** One file a fork commit changes, and every path it lands on in the sprint branch (none: deleted). */
export interface PickupFile {
  path: string;
  /** For a rename inside the fork: the old path (its change lands where that file lives now). */
  from?: string;
  lands: string[];
}

/** Why a file of a fork commit cannot be written as it is. */
export type PickupConflictReason =
  | 'content'
  | 'binary'
  | 'mode'
  | 'symlink'
  | 'submodule'
  /** The fork changed a file the sprint branch deleted (or moved outside every rule). */
  | 'deleted-here'
  /** The fork deleted a file the sprint branch changed. */
  | 'deleted-in-fork'
  /** The fork added a file where the sprint branch has another. */
  | 'added-on-both';

/**
 * A conflict on one landing path. In `hunks`, `source` is the sprint branch's side and
 * `destination` the fork commit's, `base` the fork commit's parent.
 */
export interface PickupConflict {
  path: string;
  lands: string;
  reason: PickupConflictReason;
  hunks: ConflictHunk[];
}

export interface PickupCommit {
  commit: string;
  subject: string;
  author: string;
  date: string;
  /** A merge in the fork's history: its changes against its first parent are picked up. */
  merge: boolean;
  status: PickupStatus;
  files: PickupFile[];
  conflicts: PickupConflict[];
}

export interface PickupList {
  ref: string;
  /** The ref's commit now. */
  tip: string;
  branch: string;
  /** Where the sprint branch left the fork (the plan's fork base, or the merge base). */
  base: string;
  commits: PickupCommit[];
  /** Said but not refused: a ref that is not a descendant of the fork base, merges picked by first parent. */
  warnings: string[];
}

export interface PickupApplied {
  /** Each fork commit picked up, with its commit on the sprint branch (null: its change was there already). */
  picked: { from: string; commit: string | null }[];
  /** Commits not picked up, with why (a conflict, or files of other cards). */
  skipped: { commit: string; why: string }[];
  /** Where the pick-up stopped: the first conflicting commit, nothing written from it on. */
  stoppedAt: PickupCommit | null;
}

export const PICKUP_TRAILER = (commit: string): string => `(picked up from commit ${commit})`;
