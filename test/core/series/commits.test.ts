import { afterEach, describe, expect, it } from 'vitest';
import { buildSeriesCommits } from '../../../electron/core/series/commits';
import { loadSeries } from '../../../electron/core/series/load';
import { proposeForPlan } from '../../../electron/core/series/propose';
import { reorderPatches } from '../../../shared/series/edit';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { filesOfCommit, makeSeriesFixture, planWith, proposedFixture, SENDER, userState, forkWithMakefileFolder } from './series-fixture';

const made: string[] = [];
afterEach(() => cleanup(...made.splice(0)));

describe('proposal on a real repository', () => {
  it('covers exactly the files git reports as different, each once', async () => {
    const fx = makeSeriesFixture();
    made.push(fx.repo);
    const before = userState(fx.repo);
    const proposed = await proposeForPlan(fx.repo, fx.plan);
    if (!proposed.ok) throw new Error(proposed.error.message);
    const expected = git(fx.repo, ['diff', '--no-renames', '--name-only', '-z', 'upstream', 'xen']).split('\0').filter(Boolean).sort();
    const files = proposed.value.change.patches.flatMap((p) => p.files);
    expect([...files].sort()).toEqual(expected);
    expect(new Set(files).size).toBe(files.length);
    expect(proposed.value.change.base).toBe(fx.upstream);
    // The hooks to upstream files come first; the new drivers/xen folder (the largest) last.
    expect(proposed.value.change.patches[0]?.id).toBe('patch-hooks');
    expect(proposed.value.proposal.newFolder).toBe('drivers/xen');
    expect(proposed.value.change.patches.at(-1)?.id).toBe('patch-xen-core');
    expect(userState(fx.repo)).toBe(before);
  });

  it('refuses a target with the upstream tree, and an unknown target', async () => {
    const fx = makeSeriesFixture();
    made.push(fx.repo);
    const same = await proposeForPlan(fx.repo, fx.plan, 'upstream');
    expect(same.ok ? '' : same.error.message).toMatch(/nothing to send/);
    const unknown = await proposeForPlan(fx.repo, fx.plan, 'no-such-branch');
    expect(unknown.ok ? '' : unknown.error.code).toBe('unknown-ref');
    const option = await proposeForPlan(fx.repo, fx.plan, '--output=/tmp/x');
    expect(option.ok ? '' : option.error.code).toBe('bad-input');
  });
});

describe('building the series as commits', () => {
  it('ends on the target tree, one patch per commit, without touching the work tree, index or branches', async () => {
    const fx = await proposedFixture();
    made.push(fx.repo);
    git(fx.repo, ['checkout', '-q', 'xen']);
    makeCommit(fx.repo, { files: {}, message: 'noop' });
    const dirty = { file: `${fx.repo}/README`, text: 'uncommitted edit\n' };
    await import('node:fs').then((fs) => fs.writeFileSync(dirty.file, dirty.text));
    git(fx.repo, ['add', 'README']);
    const before = userState(fx.repo);
    const input = await loadSeries(fx.repo, fx.plan);
    if (!input.ok) throw new Error(input.error.message);
    const built = await buildSeriesCommits(input.value, SENDER);
    if (!built.ok) throw new Error(built.error.message);
    expect(built.value.finalTree).toBe(git(fx.repo, ['rev-parse', 'xen^{tree}']).trim());
    expect(built.value.treeMatches).toBe(true);
    const patches = input.value.patches;
    built.value.commits.forEach((c, i) => expect(filesOfCommit(fx.repo, c.commit)).toEqual([...(patches[i]?.files ?? [])].sort()));
    expect(git(fx.repo, ['rev-list', '--count', `${fx.upstream}..${built.value.tip}`]).trim()).toBe(String(patches.length));
    const hooks = built.value.commits[0]?.commit as string;
    expect(git(fx.repo, ['show', '-s', '--format=%an <%ae>%n%s%n%b', hooks])).toBe(
      'Alice Hook <alice@example.org>\ni386 hooks: update\n' +
        'Subsystem i386 hooks: 2 files across the tree (2 changed).\n\n' +
        // Alice is the author, but only the sender signs off: Alice never gave her sign-off.
        'Signed-off-by: Sam Sender <sam@example.org>\n\n',
    );
    expect(userState(fx.repo)).toBe(before);
  });

  it('refuses an order where a patch adds a file under a path a later patch still has to remove', async () => {
    const fx = makeSeriesFixture();
    made.push(fx.repo);
    // The fork replaces the file Makefile with a folder Makefile/ holding a file.
    const { change, patches, addition } = await forkWithMakefileFolder(fx);
    const removal = patches.findIndex((p) => p.files.includes('Makefile'));
    const plan = planWith([{ ...change, patches: [addition, ...patches] }], fx.plan);
    const input = await loadSeries(fx.repo, plan);
    if (!input.ok) throw new Error(input.error.message);
    const built = await buildSeriesCommits(input.value, SENDER);
    expect(built.ok ? '' : built.error.message).toBe(
      `Patch 1 ("build: add rules") adds "Makefile/rules.mk", but "Makefile" stands in its way until patch ${removal + 2} ` +
        `("${patches[removal]?.subject}") removes it: move patch ${removal + 2} before patch 1.`,
    );
    // In the proposed order the removal comes first and the series builds.
    const reordered = reorderPatches(plan.series, [...plan.series.patchOrder.slice(1), 'add-rules']);
    if (!reordered.ok) throw new Error(reordered.error.message);
    const fixed = await loadSeries(fx.repo, planWith([reordered.value], plan));
    if (!fixed.ok) throw new Error(fixed.error.message);
    const rebuilt = await buildSeriesCommits(fixed.value, SENDER);
    expect(rebuilt.ok && rebuilt.value.treeMatches).toBe(true);
  });
});
