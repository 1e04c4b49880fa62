/** Who may call which channel: the owner everything; a browser in the room by the channel's access and what the organiser allowed. */
import { describe, expect, it } from 'vitest';
import { accessOf, offInRoom, OWNER, refusalFor, type Client } from '../../shared/access';
import { CHANNELS, type Channel } from '../../shared/api';
import type { Actor } from '../../shared/model';

const ian = { name: 'Ian Pratt', email: '' };
const room = (allowRepoChanges: boolean, actor: Actor | null = ian): Client => ({ kind: 'room', allowRepoChanges, actor });
const withAccess = (access: string): Channel[] => CHANNELS.filter((c) => accessOf(c).access === access);

describe('channel access', () => {
  it('lets the owner call every channel', () => {
    for (const channel of CHANNELS) expect(refusalFor(channel, OWNER)).toBeNull();
  });

  it('keeps from the room whatever defines a command, names a folder on disk or opens another repository', () => {
    const ownerOnly = withAccess('owner');
    for (const channel of ['build.add', 'rename.setHooks', 'series.export', 'repo.open', 'repo.openDemo'] as const) expect(ownerOnly).toContain(channel);
    for (const channel of ownerOnly) {
      for (const client of [room(false), room(true)]) expect(refusalFor(channel, client)).toMatch(/only possible in the Merge Sprint window or on the command line/);
    }
  });

  it('runs the repository operations from the room only when the organiser allowed them', () => {
    const repoOps = withAccess('repo');
    for (const channel of ['rename.copy', 'rename.sync', 'rename.finish', 'rename.abandon', 'build.run', 'series.check'] as const) expect(repoOps).toContain(channel);
    for (const channel of repoOps) {
      expect(refusalFor(channel, room(false))).toMatch(/from a browser in the room is off: the organiser can allow it when starting the room server, by letting browsers change the repository/);
      expect(refusalFor(channel, room(false))).not.toMatch(/--/);
      expect(refusalFor(channel, room(true))).toBeNull();
      expect(refusalFor(channel, room(true, null))).toMatch(/Choose who you are/);
    }
  });

  it('lets any room client look, and change the board once it said who it is', () => {
    for (const channel of withAccess('read')) expect(refusalFor(channel, room(false, null))).toBeNull();
    const board = withAccess('board');
    expect(board).toContain('plan.change');
    for (const channel of board) {
      expect(refusalFor(channel, room(false))).toBeNull();
      expect(refusalFor(channel, room(false, null))).toMatch(/Choose who you are/);
    }
  });

  it('gives the board the reason a control is off in the room, whoever is at it', () => {
    expect(offInRoom('build.add', true)).toMatch(/only possible/);
    expect(offInRoom('build.run', false)).toMatch(/when starting the room server, by letting browsers change the repository \(npm run room does\)\.$/);
    expect(offInRoom('build.run', true)).toBeNull();
    expect(offInRoom('plan.change', false)).toBeNull();
  });
});
