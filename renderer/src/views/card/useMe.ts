/**
 * Who "mine" is: in the room, the person this browser said it is; in the window, the sprint's
 * person whose email or name is the laptop's git user. Kept in the board filter beside `mine`.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { actorChoice } from '../../api';
import { sprintStore, useSprint } from '../../store';
import { matchingPerson } from '../shell/actorChoice';

export function useMe(): void {
  const chosen = useSyncExternalStore(actorChoice.subscribe, actorChoice.get);
  const actor = useSprint((s) => s.info?.actor ?? null);
  const plan = useSprint((s) => s.plan);
  const me = chosen?.personId ?? (chosen ? matchingPerson(plan, chosen.actor)?.id : actor ? matchingPerson(plan, actor)?.id : undefined) ?? null;
  useEffect(() => {
    const st = sprintStore.getState();
    if ((st.boardFilter.me ?? null) !== me) st.setBoardFilter({ me });
  }, [me]);
}
