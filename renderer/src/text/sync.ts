/** The plan's sync state in the header's words: a few for the header, a sentence for its tooltip. */
import type { SyncState } from '../../../shared/sync/api';

const changes = (n: number): string => `${n} change${n === 1 ? '' : 's'}`;

/** The state in a few words, and the longer line for its tooltip. */
export function syncWords(s: SyncState): { short: string; long: string } {
  const remote = s.remote ?? 'no remote';
  if (s.syncing) return { short: 'Syncing…', long: `Syncing the plan with ${remote}…` };
  switch (s.status) {
    case 'no-remote':
      return { short: 'No remote', long: 'This clone has no git remote to share the plan through: add one with `git remote add origin URL`.' };
    case 'offline':
      return { short: 'Offline', long: `${s.lastError ?? `${remote} did not answer.`}${s.toSend > 0 ? ` ${changes(s.toSend)} to send.` : ''}` };
    case 'error':
      return { short: 'Sync failed', long: s.lastError ?? 'The last sync failed.' };
    case 'to-send':
      return { short: `${changes(s.toSend)} to send`, long: `${changes(s.toSend)} here that ${remote} does not have yet: Sync sends them.` };
    case 'never':
      return { short: 'Not synced yet', long: `The plan has not been synced with ${remote} yet.` };
    default:
      return s.lastIncoming > 0
        ? { short: `In sync · ${s.lastIncoming} new`, long: `In sync with ${remote}; the last sync brought ${changes(s.lastIncoming)}.` }
        : { short: 'In sync', long: `In sync with ${remote} as of the last sync.` };
  }
}
