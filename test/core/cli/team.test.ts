import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { makeTeamFixture, type TeamFixture } from '../team/fixture';
import { repoState, runCli } from './core-helpers';

const made: TeamFixture[] = [];
afterEach(() => {
  for (const fx of made.splice(0)) cleanup(fx.repo);
});

describe('merge-sprint work and wip', () => {
  it('starts work on a card, says what its branch holds, and refuses bad input with exit code 2', async () => {
    const fx = await makeTeamFixture();
    fx.ctx.dispose();
    made.push(fx);
    const start = await runCli(['work', 'start', '--repo', fx.repo, '--subsystem', 'xen/i386/mm', '--branch', 'keir/i386-mm']);
    expect(start.stderr).toBe('');
    expect(start.stdout).toMatch(/^Created keir\/i386-mm at [0-9a-f]{12} and named it on the card\.\n$/);
    makeCommit(fx.repo, { branch: 'keir/i386-mm', files: { [fx.mmFiles[0] as string]: 'keir\n' }, message: 'xen/mm: first step' });
    const status = await runCli(['work', 'status', '--repo', fx.repo]);
    expect(status.stdout).toBe('xen/i386/mm: keir/i386-mm: 1 commit touching its files, the last "xen/mm: first step" by Ada Fixture\n');

    const before = repoState(fx.repo);
    const again = await runCli(['work', 'start', '--repo', fx.repo, '--subsystem', 'xen/i386/kernel', '--branch', 'keir/i386-mm']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/A branch named keir\/i386-mm exists already/);
    const badLimit = await runCli(['wip', '--repo', fx.repo, '--person', 'Keir Fraser', '--limit', 'two']);
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toMatch(/--limit takes a whole number of at least 1, not "two"/);
    const tooMany = await runCli(['wip', '--repo', fx.repo, '--person', 'Keir Fraser', '--limit', '99']);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toMatch(/at most 50 cards/);
    expect(repoState(fx.repo)).toBe(before);

    const wip = await runCli(['wip', '--repo', fx.repo, '--person', 'Keir Fraser', '--limit', '2']);
    expect(wip.stdout).toBe("Keir Fraser's work-in-progress limit is 2.\n");
    expect(git(fx.repo, ['log', '-1', '--format=%B', 'refs/merge-sprint/plan'])).toContain('"type":"person.wipLimit"');
  });
});
