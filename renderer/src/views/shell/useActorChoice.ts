/**
 * The browser's "I am …" for the open repository: loaded from localStorage when the room's
 * repository is known, kept in step with edits of the chosen person, saved on every choice.
 * The API client reads the same choice (`actorChoice`) on every call.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { actorChoice, type ChosenActor } from '../../api';
import { loadChosenActor, saveChosenActor } from '../../api/actor';
import { useSprint } from '../../store';
import { followPerson, pickerRepository } from './actorChoice';

export interface ActorChoiceState {
  /** False in Electron (the laptop's git user acts) and before the repository is known. */
  applies: boolean;
  chosen: ChosenActor | null;
  choose(next: ChosenActor | null): void;
}

export function useActorChoice(): ActorChoiceState {
  const repoPath = useSprint((s) => pickerRepository(s.info));
  const chosen = useSyncExternalStore(actorChoice.subscribe, actorChoice.get);
  const personId = chosen?.personId ?? null;
  const person = useSprint((s) => (personId ? (s.plan.people[personId] ?? null) : null));
  const applies = repoPath !== null;

  useEffect(() => {
    actorChoice.set(repoPath ? loadChosenActor(window.localStorage, repoPath) : null);
  }, [repoPath]);

  const choose = useCallback(
    (next: ChosenActor | null) => {
      if (!repoPath) return;
      actorChoice.set(next);
      saveChosenActor(window.localStorage, repoPath, next);
    },
    [repoPath],
  );

  useEffect(() => {
    const followed = followPerson(actorChoice.get(), person);
    if (applies && followed) choose(followed);
  }, [applies, person, choose]);

  return { applies, chosen, choose };
}
