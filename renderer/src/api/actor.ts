/**
 * Who this browser acts as in the room. Every browser's change goes through one room server,
 * whose git user signs none of them, so the person picks "I am …" and the client tells the
 * server (`POST /api/session`), which signs this browser's changes with that name from then on.
 * Remembered per repository in localStorage (the same browser may join two sprints as two
 * people), and told again after each page load. Electron does not use it: there the laptop's
 * git user acts.
 */
import type { Actor } from '../../../shared/model';

/** Where a browser tells the room server who it is (electron/core/server/actor.ts). */
export const SESSION_PATH = '/api/session';

export interface ChosenActor {
  actor: Actor;
  /** The sprint's person this is, so a later edit of that person follows; null for a typed name. */
  personId: string | null;
}

/** The current choice, readable by the client on every call and watchable by the header. */
export interface ActorChoice {
  get(): ChosenActor | null;
  set(next: ChosenActor | null): void;
  /** Calls the listener after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export function createActorChoice(): ActorChoice {
  let current: ChosenActor | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(next) {
      current = next;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The plan's limits on an actor (shared/plan/schema.ts), checked by hand: zod stays out of the board's first load. */
export function asActor(value: unknown): Actor | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, email } = value as { name?: unknown; email?: unknown };
  if (typeof name !== 'string' || typeof email !== 'string') return null;
  if (name.trim() === '' || name.length > 200 || email.length > 320) return null;
  return { name, email };
}

type ActorStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const actorStorageKey = (repoPath: string): string => `merge-sprint-actor:${repoPath}`;

/** The choice remembered for this repository, or null (none, or unreadable: then it is asked again). */
export function loadChosenActor(storage: ActorStorage, repoPath: string): ChosenActor | null {
  const raw = storage.getItem(actorStorageKey(repoPath));
  if (!raw) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const { actor, personId } = json as { actor?: unknown; personId?: unknown };
  const valid = asActor(actor);
  return valid ? { actor: valid, personId: typeof personId === 'string' ? personId : null } : null;
}

export function saveChosenActor(storage: ActorStorage, repoPath: string, chosen: ChosenActor | null): void {
  if (chosen) storage.setItem(actorStorageKey(repoPath), JSON.stringify(chosen));
  else storage.removeItem(actorStorageKey(repoPath));
}
