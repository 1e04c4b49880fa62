/**
 * The export as a download (`series.archive`): a .zip of the files git format-patch names, that
 * git am applies on upstream to the fork's tree, recorded as a version, with nothing left on disk.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { openRepoServices } from '../../../electron/core/host/services';
import { callRepo } from '../../../electron/core/host';
import type { RepoServices } from '../../../electron/core/context';
import { archiveName } from '../../../electron/core/series/archive';
import { cleanup, git, tempDir } from '../../helpers/repo';
import { callOk as call, makeSeriesFixture, SENDER, userState } from './series-fixture';

const made: string[] = [];
const open: RepoServices[] = [];
afterEach(() => {
  for (const ctx of open.splice(0)) ctx.dispose();
  cleanup(...made.splice(0));
});


async function proposedSprint(): Promise<RepoServices> {
  const { repo } = makeSeriesFixture();
  made.push(repo);
  const opened = await openRepoServices(repo, { actor: SENDER, push: () => undefined });
  if (!opened.ok) throw new Error(opened.error.message);
  open.push(opened.value);
  await call(opened.value, 'sprint.init', { upstreamRef: 'upstream', forkRef: 'xen', pairings: [] });
  await call(opened.value, 'series.propose', {});
  return opened.value;
}

const scratchFolders = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('merge-sprint-archive-'));

describe('series.archive', () => {
  it('answers a zip of the patch files git format-patch names, which git am applies on upstream', { timeout: 60_000 }, async () => {
    const ctx = await proposedSprint();
    const before = userState(ctx.repo);
    const leftBefore = scratchFolders();
    const archive = await call(ctx, 'series.archive', { coverSubject: 'Xen for upstream' });
    expect(archive).toMatchObject({ fileName: 'xen-v1.zip', mediaType: 'application/zip', version: 1 });

    const entries = unzipSync(Buffer.from(archive.base64, 'base64'));
    const names = Object.keys(entries);
    expect(names.every((n) => n.startsWith('xen-v1/'))).toBe(true);
    const files = names.map((n) => n.slice('xen-v1/'.length));
    expect(files).toEqual(archive.files.map((f) => f.name));

    // The names git format-patch itself gives the same commits.
    const raw = tempDir();
    made.push(raw);
    git(ctx.repo, ['format-patch', '-q', '--cover-letter', '-o', raw, `${archive.base}..${archive.tip}`]);
    expect(files).toEqual(readdirSync(raw).sort());

    const unpacked = tempDir();
    const clone = tempDir();
    made.push(unpacked, clone);
    for (const [name, bytes] of Object.entries(entries)) {
      mkdirSync(path.dirname(path.join(unpacked, name)), { recursive: true });
      writeFileSync(path.join(unpacked, name), bytes);
    }
    expect(new TextDecoder().decode(entries['xen-v1/0000-cover-letter.patch'])).toMatch(/^Subject: \[PATCH v1 0\/6\] Xen for upstream$/m);
    git(clone, ['clone', '-q', '--branch', 'upstream', ctx.repo, clone]);
    git(clone, ['am', '-q', ...files.slice(1).map((f) => path.join(unpacked, 'xen-v1', f))]);
    expect(git(clone, ['rev-parse', 'HEAD^{tree}'])).toBe(git(ctx.repo, ['rev-parse', 'xen^{tree}']));

    // A version like a folder export: in the plan, kept by a ref, compared with the next one.
    expect((await call(ctx, 'plan.get', {})).plan.series.versions.map((v) => [v.version, v.tip])).toEqual([[1, archive.tip]]);
    expect(git(ctx.repo, ['rev-parse', 'refs/merge-sprint/series/v1']).trim()).toBe(archive.tip);
    const second = await call(ctx, 'series.archive', {});
    expect(second).toMatchObject({ fileName: 'xen-v2.zip', version: 2 });
    expect(second.rangeDiff).toBe(git(ctx.repo, ['range-diff', '--no-color', `${archive.base}..${archive.tip}`, `${second.base}..${second.tip}`]));

    expect(userState(ctx.repo)).toBe(before);
    expect(scratchFolders()).toEqual(leftBefore);
  });

  it('refuses a folder, a branch or --replace: those belong to the folder export', async () => {
    const ctx = await proposedSprint();
    const before = userState(ctx.repo);
    const refused = await callRepo(ctx, 'series.archive', { out: path.join(ctx.repo, 'x'), branch: 'b', replace: true });
    expect(refused.ok ? '' : refused.error.message).toMatch(/The request for series\.archive is not valid: .*"out".*"branch".*"replace"/);
    expect(userState(ctx.repo)).toBe(before);
    expect((await call(ctx, 'plan.get', {})).plan.series.versions).toEqual([]);
  });

  it('names the download after the target in characters every file system takes', () => {
    expect(archiveName('xen', 3)).toBe('xen-v3');
    expect(archiveName('refs/heads/xen/unstable', 1)).toBe('xen-unstable-v1');
    expect(archiveName('v2.6.12~3', 2)).toBe('v2.6.12-3-v2');
    expect(archiveName('..', 1)).toBe('series-v1');
  });
});
