/**
 * Who may call which channel. The machine's owner (the Electron window over IPC, the command
 * line in its own process) may call everything. A browser in the room may look at the board,
 * change it once it has said who it is, run the repository's named operations only when the
 * organiser started the room with `--allow-repo-changes`, and never define a command to run or
 * name a folder on the server's disk. Declared once, for every channel of the contract, so a new
 * channel cannot be added without saying who may call it.
 */
import type { Channel } from './api';
import type { Actor } from './model';

/**
 * - `read`: any room client, before it said who it is too;
 * - `board`: a change to the plan: any room client that chose who it is;
 * - `repo`: a named operation on the repository: a room client only with `--allow-repo-changes`;
 * - `owner`: never from the room (defines a command, names a path on disk, opens another repository).
 */
export type Access = 'read' | 'board' | 'repo' | 'owner';

export type AccessRule = { access: 'read' | 'board' } | { access: 'repo' | 'owner'; what: string };

/** Who is calling: the owner, or a browser in the room (with what the organiser allowed, and who it chose to be). */
export type Client = { kind: 'owner' } | { kind: 'room'; allowRepoChanges: boolean; actor: Actor | null };

export const OWNER: Client = { kind: 'owner' };

const READ = { access: 'read' } as const;
const BOARD = { access: 'board' } as const;
const repo = (what: string) => ({ access: 'repo', what }) as const;
const owner = (what: string) => ({ access: 'owner', what }) as const;

export const CHANNEL_ACCESS = {
  'app.info': READ,
  'repo.open': owner('Opening another repository'),
  'repo.openDemo': owner('Opening the demo sprint'),
  'repo.summary': READ,
  'pairs.suggest': READ,
  'sprint.init': BOARD,
  'inventory.get': READ,
  'inventory.diff': READ,
  'plan.get': READ,
  'plan.change': BOARD,
  // Whose history is the caller's own, so a browser must have said who it is.
  'plan.history': BOARD,
  'subsystems.derive': BOARD,
  // The MAINTAINERS file is read from the fork ref by its path in the repository, never from the disk.
  'subsystems.importMaintainers': BOARD,
  'maintainers.preview': READ,
  'maintainers.map': READ,
  'people.importAuthors': BOARD,

  'rename.list': READ,
  // A rule is a line of the plan; the repository changes only with rename.copy and after.
  'rename.add': BOARD,
  'rename.remove': BOARD,
  'rename.preview': READ,
  'rename.copy': repo('Making interim copies'),
  'rename.drift': READ,
  'rename.sync': repo('Syncing interim copies'),
  'rename.finish': repo('Finishing a move'),
  'rename.abandon': repo('Abandoning interim copies'),
  'rename.refs': READ,
  'rename.switchRefsPreview': READ,
  'rename.switchRefs': repo('Switching the references to a new path'),
  'rename.hooks': READ,
  // The clone's hooks are commands: turning them on decides what runs on the server.
  'rename.setHooks': owner("Turning the repository's git hooks on or off"),
  'build.list': READ,
  'build.add': owner('Defining a build check (the command it runs)'),
  'build.setCommand': owner('Changing the command a build check runs'),
  'build.remove': owner('Removing a build check'),
  'build.run': repo('Running a build check'),
  'build.cancel': repo('Cancelling a build check'),

  'series.propose': BOARD,
  'series.get': READ,
  'series.check': repo('Checking the series'),
  'series.cancel': repo('Cancelling a series check'),
  'series.export': owner('Exporting the series to a folder'),
  'series.archive': repo('Downloading the series'),
  'series.drift': READ,
  'series.rangeDiff': READ,
  'series.cover': repo('Previewing the cover letter'),

  // A sync writes only the plan ref (a merge of both logs, nothing lost) and pushes it to the
  // clone's own remote with git's own credentials; it names no path and runs no command, so it
  // is a board change anyone in the room who said who they are may make.
  'plan.sync': BOARD,
  'sync.state': READ,
  // How often the server reaches the network is the organiser's, like the clone's other settings.
  'sync.setEvery': owner('Changing how often the plan syncs by itself'),
  'upstream.preview': READ,
  'upstream.apply': repo('Moving the sprint to a new upstream'),
  'team.status': READ,
  // Creates a branch in the clone: a repository operation, as making interim copies is.
  'team.startWork': repo('Starting work on a new branch'),
  'team.diff': READ,
  'team.burndown': READ,
  'team.report': READ,
  'pickup.list': READ,
  // Which ref the fork's work lives on is a line of the plan, as the sprint's refs are.
  'pickup.setFrom': BOARD,
  'pickup.apply': repo("Picking up the fork's new work"),
} as const satisfies Record<Channel, AccessRule>;

export const accessOf = (channel: Channel): AccessRule => CHANNEL_ACCESS[channel];

/** How the board says the same in its own words: a browser shows no command-line options. */
export const ALLOW_REPO_CHANGES_WORDS = 'the organiser can allow it when starting the room server, by letting browsers change the repository (npm run room does)';

export const CHOOSE_WHO_YOU_ARE =
  'Choose who you are first ("Who are you?" at the top of the board): a change from a browser in the room is signed with the name you choose, never with the server\'s git identity.';

/**
 * Why a browser in the room may not call `channel` at all, whoever it says it is, or null: the
 * owner's channels always, the repository's named operations unless the organiser allowed them.
 * What the board greys out, with these words as the reason.
 */
export function offInRoom(channel: Channel, allowRepoChanges: boolean): string | null {
  const rule = accessOf(channel);
  if (rule.access === 'owner') return `${rule.what} is only possible in the Merge Sprint window or on the command line, not from a browser in the room.`;
  if (rule.access === 'repo' && !allowRepoChanges) {
    return `${rule.what} from a browser in the room is off: ${ALLOW_REPO_CHANGES_WORDS}.`;
  }
  return null;
}

/** Why `client` may not call `channel`, in words, or null when it may. */
export function refusalFor(channel: Channel, client: Client): string | null {
  if (client.kind === 'owner') return null;
  const off = offInRoom(channel, client.allowRepoChanges);
  if (off) return off;
  if (accessOf(channel).access !== 'read' && client.actor === null) return CHOOSE_WHO_YOU_ARE;
  return null;
}
