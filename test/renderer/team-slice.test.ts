/**
 * The team slice: each card's branch work and the Done cards' verdicts are asked for once per
 * plan head and per `repo.changed` push (a commit on a branch outside the app) while the board
 * watches, never while nothing does; the Not verified filter selects from the same answer.
 */
import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/result';
import type { TeamStatus } from '../../shared/team/status';
import { createSprintStore } from '../../renderer/src/store/create';
import { selectBoardLayout } from '../../renderer/src/store/selectors';
import { boardPlan, FakeServer } from './fakeServer';

const settle = () => new Promise((r) => setTimeout(r, 0));

function statusWith(commits: number): TeamStatus {
  return {
    sprintRef: 'xen',
    sprintCommit: 'c0ffee',
    work: { net: { subsystemId: 'net', branch: 'bob/net', tip: 'beef', unmerged: commits, touching: commits, last: null } },
    verdicts: { net: commits > 0 ? { verified: false, doubts: [{ kind: 'unmerged', branch: 'bob/net', commits }] } : { verified: true, doubts: [] } },
    problem: null,
  };
}

describe('the team slice', () => {
  it('asks once per plan head and per repo.changed while the board watches, and filters the cards git does not confirm', async () => {
    const server = new FakeServer(boardPlan());
    const world = { commits: 0 };
    server.answer('team.status', () => ok(statusWith(world.commits)));
    const store = createSprintStore(server.client());
    await store.getState().boot();
    store.getState().resetSnapshot(server.snapshot());
    await settle();
    expect(server.count('team.status')).toBe(0);

    const release = store.getState().watchTeamStatus();
    await settle();
    expect(server.count('team.status')).toBe(1);
    expect(store.getState().teamStatus?.work.net?.touching).toBe(0);

    world.commits = 2;
    server.send({ type: 'repo.changed' });
    await settle();
    expect(server.count('team.status')).toBe(2);
    expect(store.getState().teamStatus?.work.net?.touching).toBe(2);

    server.changeElsewhere({ type: 'card.state', subsystemId: 'net', state: 'Done' });
    await settle();
    expect(server.count('team.status')).toBe(3);

    store.getState().setBoardFilter({ notVerified: true });
    const layout = selectBoardLayout(store.getState());
    expect(Object.values(layout.cards).flat()).toEqual(['net']);

    release();
    server.send({ type: 'repo.changed' });
    await settle();
    expect(server.count('team.status')).toBe(3);
  });
});
