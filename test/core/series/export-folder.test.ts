/**
 * An export never deletes what it did not write: every folder it must not touch (the work
 * tree, git's folder through a symbolic link, the root, the home folder, a folder of someone's
 * files) is refused, with and without --replace, and afterwards holds exactly what it held.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportSeries } from '../../../electron/core/series/export';
import { checkExportFolder, EXPORT_MARKER, exportMarker, publishExport, stageExport } from '../../../electron/core/series/export-folder';
import type { SeriesInput } from '../../../electron/core/series/load';
import { editPatch } from '../../../shared/series/edit';
import { cleanup, git, makeCommit, makeRepo, tempDir } from '../../helpers/repo';
import { planWith, proposedFixture, SENDER, userState, type SeriesFixture, seriesInput } from './series-fixture';

/** Every entry under `dir` (symbolic links not followed) with its size: what a deletion or a write would change. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      const st = lstatSync(full);
      out.push(`${path.relative(dir, full)} ${st.isDirectory() ? 'dir' : st.size}`);
      if (st.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out.sort();
}

const messageOf = (r: { ok: boolean; error?: { message: string } }): string => (r.ok ? '(exported)' : (r.error?.message ?? ''));

describe('series export refuses every folder it must not write', () => {
  let fx: SeriesFixture;
  let input: SeriesInput;
  let scratch: string;
  let home: string;
  const savedHome = process.env.HOME;

  beforeAll(async () => {
    fx = await proposedFixture();
    input = await seriesInput(fx.repo, fx.plan);
    scratch = tempDir();
    home = tempDir();
    writeFileSync(path.join(home, '.profile'), 'export EDITOR=vi\n');
    mkdirSync(path.join(home, 'work'));
    writeFileSync(path.join(home, 'work', 'notes.txt'), 'mine\n');
    process.env.HOME = home;
    // An uncommitted edit, which the old --replace deleted with the tracked files.
    writeFileSync(path.join(fx.repo, 'arch/i386/kernel/time.c'), 'edited, not committed\n');
  });
  afterAll(() => {
    if (savedHome === undefined) delete process.env.HOME;
    else process.env.HOME = savedHome;
    cleanup(fx.repo, scratch, home);
  });

  const link = (name: string, to: string): string => {
    const at = path.join(scratch, name);
    symlinkSync(to, at);
    return at;
  };

  it('refuses a folder inside the work tree, new or holding tracked files', async () => {
    const before = { state: userState(fx.repo), files: listing(fx.repo) };
    for (const out of [path.join(fx.repo, 'arch'), path.join(fx.repo, 'arch/i386/kernel'), path.join(fx.repo, 'patches/v1')]) {
      for (const replace of [false, true]) {
        const refused = await exportSeries(input, SENDER, { out, replace });
        expect(messageOf(refused), `${out} replace=${replace}`).toMatch(new RegExp(`is inside the git work tree ${fx.repo}: .*choose a folder outside any repository`));
      }
    }
    expect(userState(fx.repo)).toBe(before.state);
    expect(listing(fx.repo)).toEqual(before.files);
    expect(readFileSync(path.join(fx.repo, 'arch/i386/kernel/time.c'), 'utf8')).toBe('edited, not committed\n');
  });

  it('refuses a folder in another repository\'s work tree, and one a symbolic link leads into', async () => {
    const other = makeRepo(path.join(scratch, 'other'));
    makeCommit(other, { files: { 'docs/a.txt': 'a\n' } });
    const before = listing(other);
    for (const out of [path.join(other, 'docs'), path.join(other, 'new'), path.join(link('to-docs', path.join(other, 'docs')), 'deeper')]) {
      for (const replace of [false, true]) {
        expect(messageOf(await exportSeries(input, SENDER, { out, replace })), out).toMatch(new RegExp(`inside the git work tree ${other}`));
      }
    }
    expect(listing(other)).toEqual(before);
  });

  it('refuses git\'s own folder through a symbolic link, and any folder under it', async () => {
    const gitDir = path.join(fx.repo, '.git');
    const before = listing(gitDir);
    const toGit = link('to-git', gitDir);
    for (const out of [toGit, path.join(toGit, 'refs'), path.join(toGit, 'new-folder'), path.join(link('to-refs', path.join(gitDir, 'refs')), 'heads')]) {
      for (const replace of [false, true]) {
        const refused = await exportSeries(input, SENDER, { out, replace });
        expect(messageOf(refused), out).toMatch(/^The export folder ".*" \(which is .*\/\.git(\/.*)?\) is inside a git folder/);
      }
    }
    expect(listing(gitDir)).toEqual(before);
    expect(git(fx.repo, ['fsck', '--no-progress'])).toBe('');
  });

  it('refuses a bare repository', async () => {
    const bare = path.join(scratch, 'upstream-mirror');
    git(scratch, ['clone', '-q', '--bare', fx.repo, bare]);
    const before = listing(bare);
    for (const replace of [false, true]) expect(messageOf(await exportSeries(input, SENDER, { out: path.join(bare, 'refs'), replace }))).toMatch(/inside a git repository's own folder/);
    expect(listing(bare)).toEqual(before);
  });

  it('refuses the root of the file system, directly and through a symbolic link', async () => {
    const before = readdirSync('/').sort();
    for (const out of ['/', link('to-root', '/')]) {
      for (const replace of [false, true]) expect(messageOf(await exportSeries(input, SENDER, { out, replace })), out).toMatch(/is the root of the file system/);
    }
    expect(readdirSync('/').sort()).toEqual(before);
  });

  it('refuses the home folder, directly and through a symbolic link, and a folder of its files', async () => {
    const before = listing(home);
    for (const out of [home, link('to-home', home)]) {
      for (const replace of [false, true]) expect(messageOf(await exportSeries(input, SENDER, { out, replace })), out).toMatch(/is your home folder/);
    }
    for (const replace of [false, true]) expect(messageOf(await exportSeries(input, SENDER, { out: path.join(home, 'work'), replace }))).toMatch(/holds 1 file that no export wrote \("notes\.txt"\)/);
    expect(listing(home)).toEqual(before);
  });

  it('refuses a folder with a file of someone else\'s, with or without --replace, naming the file', async () => {
    const out = path.join(scratch, 'mine');
    mkdirSync(out);
    writeFileSync(path.join(out, '0001-looks-like-a-patch.patch'), 'my own notes\n');
    writeFileSync(path.join(out, 'notes.txt'), 'mine\n');
    const before = listing(out);
    for (const replace of [false, true]) {
      expect(messageOf(await exportSeries(input, SENDER, { out, replace }))).toMatch(/holds 2 files that no export wrote \("0001-looks-like-a-patch\.patch", "notes\.txt"\): choose a new or empty folder/);
    }
    // A marker written by hand does not make other files the export's.
    writeFileSync(path.join(out, EXPORT_MARKER), JSON.stringify(exportMarker(1, ['0001-looks-like-a-patch.patch'], new Date())));
    expect(messageOf(await exportSeries(input, SENDER, { out, replace: true }))).toMatch(/holds export v1 and also "notes\.txt", which no export wrote/);
    writeFileSync(path.join(out, EXPORT_MARKER), JSON.stringify({ ...exportMarker(1, [], new Date()), files: ['notes.txt'] }));
    expect(messageOf(await exportSeries(input, SENDER, { out, replace: true }))).toMatch(/that no export wrote/);
    expect(listing(out).filter((l) => !l.startsWith(EXPORT_MARKER))).toEqual(before);
    expect(userState(fx.repo)).not.toBe('');
  });
});

describe('series export into its own folder', () => {
  const made: string[] = [];
  afterEach(() => cleanup(...made.splice(0)));

  it('replaces exactly the files of the previous export, and only when asked', async () => {
    const fx = await proposedFixture();
    const scratch = tempDir();
    made.push(fx.repo, scratch);
    const out = path.join(scratch, 'series', 'xen');
    const v1 = await exportSeries(await seriesInput(fx.repo, fx.plan), SENDER, { out });
    if (!v1.ok) throw new Error(v1.error.message);
    const v1Files = v1.value.report.files.map((f) => f.name);
    expect(readdirSync(out).sort()).toEqual([EXPORT_MARKER, ...v1Files].sort());
    const marker = JSON.parse(readFileSync(path.join(out, EXPORT_MARKER), 'utf8')) as { files: string[]; version: number };
    expect(marker).toMatchObject({ files: v1Files, version: 1 });
    expect(readdirSync(scratch)).toEqual(['series']);

    const edit = editPatch(fx.plan.series, 'patch-hooks', { subject: 'x86: the hooks Xen needs' });
    if (!edit.ok) throw new Error(edit.error.message);
    const input2 = await seriesInput(fx.repo, planWith([{ type: 'series.version', version: v1.value.version }, edit.value], fx.plan));
    expect(messageOf(await exportSeries(input2, SENDER, { out }))).toMatch(/holds export v1 \(7 patch files\): ask to replace it \(--replace\)/);
    expect(readdirSync(out).sort()).toEqual([EXPORT_MARKER, ...v1Files].sort());

    const v2 = await exportSeries(input2, SENDER, { out, replace: true });
    if (!v2.ok) throw new Error(v2.error.message);
    const v2Files = v2.value.report.files.map((f) => f.name);
    expect(readdirSync(out).sort()).toEqual([EXPORT_MARKER, ...v2Files].sort());
    // The edited patch's file has a new name: the old one went with the old export.
    const renamed = v1Files.filter((n) => !v2Files.includes(n));
    expect(renamed).toHaveLength(1);
    expect(readFileSync(path.join(out, v2Files[1] as string), 'utf8')).toMatch(/^Subject: \[PATCH v2 1\/6\] x86: the hooks Xen needs$/m);
    expect(readdirSync(path.join(scratch, 'series'))).toEqual(['xen']);
  });

  it('follows a symbolic link to its own folder, and leaves the old export whole when something arrives meanwhile', async () => {
    const fx = await proposedFixture();
    const scratch = tempDir();
    made.push(fx.repo, scratch);
    const real = path.join(scratch, 'real');
    mkdirSync(real);
    const viaLink = path.join(scratch, 'link');
    symlinkSync(real, viaLink);
    const input = await seriesInput(fx.repo, fx.plan);
    const v1 = await exportSeries(input, SENDER, { out: viaLink });
    if (!v1.ok) throw new Error(v1.error.message);
    expect(v1.value.report.dir).toBe(real);
    expect(lstatSync(viaLink).isSymbolicLink()).toBe(true);
    const before = listing(real);

    const folder = await checkExportFolder(fx.repo, viaLink, true);
    if (!folder.ok) throw new Error(folder.error.message);
    const staged = stageExport(folder.value);
    if (!staged.ok) throw new Error(staged.error.message);
    writeFileSync(path.join(staged.value, '0001-new.patch'), 'new\n');
    writeFileSync(path.join(real, 'arrived.txt'), 'written while the export ran\n');
    const published = publishExport(folder.value, staged.value, exportMarker(2, ['0001-new.patch'], new Date()));
    expect(messageOf(published)).toMatch(/left ".*real" as it was: "arrived\.txt" appeared in it meanwhile/);
    expect(listing(real)).toEqual([...before, `arrived.txt ${'written while the export ran\n'.length}`].sort());
    expect(readdirSync(scratch).sort()).toEqual(['link', 'real', expect.stringMatching(/^\.real\.merge-sprint-new-/)].sort());
  });
});
