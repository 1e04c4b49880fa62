/**
 * Channels of the plan's sync through a git remote (see shared/api.ts): `plan.sync` fetches the
 * remote's plan ref, merges it with ours and pushes the result; `sync.state` says where the
 * clone stands; `sync.setEvery` is the clone's own setting for syncing by itself.
 */
import { z } from 'zod';
import type { Actor } from '../model';
import { channel } from '../channel';

/** One event that came in or went out, with the feed's words for it ("Keir moved mm to Review"). */
export interface SyncedEvent {
  id: string;
  type: string;
  at: string;
  by: string;
  words: string;
}

/** An event the merge made impossible (its card was merged away on another laptop, say): kept in the log, not applied. */
export interface NotApplied {
  id: string;
  words: string;
  reason: string;
}

export interface SyncReport {
  remote: string;
  /** Events the remote had that this clone did not. */
  incoming: SyncedEvent[];
  /** Events this clone had that the remote did not, now pushed. */
  outgoing: SyncedEvent[];
  notApplied: NotApplied[];
  /** The plan head both now share ('' while neither has a plan). */
  head: string;
  /** Fetch-merge-push rounds it took (more than one when someone pushed meanwhile). */
  rounds: number;
  at: string;
}

export type SyncStatus = 'in-sync' | 'to-send' | 'offline' | 'error' | 'no-remote' | 'never';

export interface SyncState {
  /** The remote synced with, or null when the clone has none. */
  remote: string | null;
  status: SyncStatus;
  /** Plan events here that the remote did not have at the last fetch. */
  toSend: number;
  /** Events the last sync brought in. */
  lastIncoming: number;
  lastSyncAt: string | null;
  /** The last failure in words, until a sync succeeds. */
  lastError: string | null;
  /** Events the merges made impossible, newest first (for the activity feed). */
  notApplied: NotApplied[];
  /** Seconds between automatic syncs, or null when it syncs only when asked. */
  every: number | null;
  syncing: boolean;
}

/** Who has a board open on this repository right now: the people they chose, and how many chose nobody yet. */
export interface Presence {
  people: Actor[];
  anonymous: number;
}

export type SyncPush = { type: 'sync.state'; state: SyncState } | { type: 'presence'; presence: Presence };

/** Between 5 seconds and a day: more often would only load the remote, less is "when asked". */
export const SYNC_EVERY_MIN = 5;
export const SYNC_EVERY_MAX = 86_400;

export const syncChannels = {
  'plan.sync': channel<SyncReport>()(z.object({ remote: z.string().min(1).max(200).optional() })),
  'sync.state': channel<SyncState>()(z.object({})),
  'sync.setEvery': channel<SyncState>()(z.object({ seconds: z.number().int().min(SYNC_EVERY_MIN).max(SYNC_EVERY_MAX).nullable() })),
} as const;
