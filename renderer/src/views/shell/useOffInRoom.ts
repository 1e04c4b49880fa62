/**
 * Why a control is off in this browser, or null: in the room, what the owner alone may do, and
 * the repository operations unless the organiser started the room with --allow-repo-changes
 * (shared/access.ts). The window may do everything. The server refuses these calls anyway; this
 * only greys out what would be refused, with the same words as its reason.
 */
import { offInRoom } from '../../../../shared/access';
import type { Channel } from '../../../../shared/api';
import { useSprint } from '../../store';

export function useOffInRoom(channel: Channel): string | null {
  return useSprint((s) => (s.info?.mode === 'room' ? offInRoom(channel, s.info.allowRepoChanges) : null));
}
