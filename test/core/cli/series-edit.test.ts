import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRepoServices } from '../../../electron/core/host/services';
import type { PlanSnapshot } from '../../../shared/api';
import type { ClientCommand } from '../../../shared/plan/events';
import { inverseOf } from '../../../shared/plan/inverse';
import { cleanup, tempDir } from '../../helpers/repo';
import { makeSeriesFixture } from '../series/series-fixture';
import { repoState, runCli } from './core-helpers';

const made: string[] = [];
afterEach(() => cleanup(...made.splice(0)));

async function proposedRepo(): Promise<string> {
  const { repo } = makeSeriesFixture();
  made.push(repo);
  expect((await runCli(['init', '--repo', repo, '--upstream', 'upstream', '--fork', 'xen'])).code).toBe(0);
  expect((await runCli(['series', 'propose', '--repo', repo])).code).toBe(0);
  return repo;
}

async function snapshot(repo: string): Promise<PlanSnapshot> {
  const run = await runCli(['plan', '--repo', repo, '--json']);
  expect(run.code).toBe(0);
  const opened = await openRepoServices(repo);
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    return await opened.value.plan.snapshot();
  } finally {
    opened.value.dispose();
  }
}

/** Fails with exit 2 and one line of words, leaving the repository and plan as they were. */
async function refused(repo: string, args: string[], message: RegExp): Promise<void> {
  const before = repoState(repo);
  const run = await runCli([...args, '--repo', repo]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(repoState(repo)).toBe(before);
}

describe('merge-sprint series edits', () => {
  it('moves, splits, merges and renames patches as plan changes that undo exactly', { timeout: 240_000 }, async () => {
    const repo = await proposedRepo();
    const start = (await snapshot(repo)).plan.series;
    const [first, second, third] = start.patchOrder;

    expect((await runCli(['series', 'move', '--repo', repo, '--patch', '1', '--to', '3'])).stdout).toMatch(/is now at place 3/);
    const moved = await snapshot(repo);
    expect(moved.plan.series.patchOrder.slice(0, 3)).toEqual([second, third, first]);
    // The command is a client command in the log, and its inverse puts the order back.
    const event = moved.activity.find((e) => e.type === 'series.reorder') as ClientCommand;
    expect(inverseOf({ ...moved.plan, series: start }, event)).toEqual({ type: 'series.reorder', order: start.patchOrder });

    const xen = moved.plan.series.patchOrder.indexOf('patch-drivers-xen') + 1;
    const split = await runCli(['series', 'split', '--repo', repo, '--patch', String(xen), '--files', 'drivers/xen/core/**', '--subject', 'xen: core: event channels']);
    expect(split.code).toBe(0);
    const afterSplit = (await snapshot(repo)).plan.series;
    const partId = afterSplit.patchOrder[xen] as string;
    expect(afterSplit.patches[partId]).toMatchObject({ subject: 'xen: core: event channels', files: ['drivers/xen/core/evtchn.c', 'drivers/xen/core/gnttab.c'] });
    expect(afterSplit.patches['patch-drivers-xen']?.files).not.toContain('drivers/xen/core/evtchn.c');

    expect((await runCli(['series', 'merge', '--repo', repo, '--patches', `${xen},${xen + 1}`])).code).toBe(0);
    const merged = (await snapshot(repo)).plan.series;
    expect(merged.patchOrder).toHaveLength(start.patchOrder.length);
    expect([...(merged.patches['patch-drivers-xen']?.files ?? [])].sort()).toEqual([...(start.patches['patch-drivers-xen']?.files ?? [])].sort());

    expect((await runCli(['series', 'subject', '--repo', repo, '--patch', 'patch-arch', '--text', 'x86: hooks for Xen'])).code).toBe(0);
    expect((await snapshot(repo)).plan.series.patches['patch-arch']?.subject).toBe('x86: hooks for Xen');
  });

  it('refuses each bad edit in words and changes nothing', { timeout: 240_000 }, async () => {
    const repo = await proposedRepo();
    const n = (await snapshot(repo)).plan.series.patchOrder.length;
    await refused(repo, ['series', 'move', '--patch', '0', '--to', '1'], new RegExp(`--patch 0: the series has ${n} patches; give a place from 1 to ${n}`));
    await refused(repo, ['series', 'move', '--patch', '1', '--to', 'last'], new RegExp(`--to takes a place from 1 to ${n}, not "last"`));
    await refused(repo, ['series', 'split', '--patch', 'patch-arch', '--files', 'drivers/**'], /No file of patch 1 "[^"]+" matches "drivers\/\*\*"; its files: /);
    await refused(repo, ['series', 'split', '--patch', 'patch-arch', '--files', '**'], /would leave it empty/);
    await refused(repo, ['series', 'merge', '--patches', '1'], /--patches takes two patches separated by a comma/);
    await refused(repo, ['series', 'merge', '--patches', '2,2'], /cannot be merged with itself/);
    await refused(repo, ['series', 'subject', '--patch', '1', '--text', '  '], /A patch needs a subject/);
    await refused(repo, ['series', 'cover', '--file', '/nonexistent/cover.txt'], /The cover letter file "\/nonexistent\/cover.txt" cannot be read/);
  });

  it('prints the cover letter the export would write and takes the edited one from a file', { timeout: 240_000 }, async () => {
    const repo = await proposedRepo();
    const printed = await runCli(['series', 'cover', '--repo', repo]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^xen: \d+ patches for upstream\n\nThis series brings xen onto upstream/);
    const dir = tempDir();
    made.push(dir);
    const file = path.join(dir, 'cover.txt');
    writeFileSync(file, 'Xen for Linux 2.6.12\n\nThe Xen sub-architecture, in hooks first.\n');
    expect((await runCli(['series', 'cover', '--repo', repo, '--file', file])).stdout).toMatch(/The cover letter is now "Xen for Linux 2.6.12"/);
    expect((await snapshot(repo)).plan.series.cover).toEqual({ subject: 'Xen for Linux 2.6.12', blurb: 'The Xen sub-architecture, in hooks first.' });
    const out = path.join(tempDir(), 'series');
    made.push(path.dirname(out));
    const exported = await runCli(['series', 'export', '--repo', repo, '--out', out]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/The tree has no scripts\/checkpatch.pl, so the patches were not style-checked\./);
    expect(exported.stdout).toMatch(/^change-id: \d{8}-xen-[0-9a-f]{12}$/m);
    await refused(repo, ['series', 'cover', '--file', file, '--clear'], /--file and --clear contradict each other/);
  });
});
