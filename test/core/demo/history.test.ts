/**
 * The demo's history read from its fixture folder: every file there is one commit's, the bytes
 * reach the repository exactly, and a damaged copy is refused in words, naming what is wrong.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoFixtureDir } from '../../../electron/core/demo/fixture';
import { readDemoHistory, type DemoHistory } from '../../../electron/core/demo/history';
import { writeDemoRepository } from '../../../electron/core/demo/repo';
import { cleanup, git, gitEnv, tempDir } from '../../helpers/repo';

/** Files below `dir`, '/'-separated, as found on disk. */
function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const rel = prefix === '' ? name : `${prefix}/${name}`;
    return statSync(path.join(dir, name)).isDirectory() ? filesBelow(path.join(dir, name), rel) : [rel];
  });
}

async function history(dir: string): Promise<DemoHistory> {
  const read = await readDemoHistory(dir);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

describe('the demo fixture', () => {
  it('holds history.json and one folder per commit it lists, nothing else', async () => {
    const fixture = demoFixtureDir();
    const listed = JSON.parse(readFileSync(path.join(fixture, 'history.json'), 'utf8')) as Record<'upstream' | 'fork', Array<{ files: string }>>;
    const folders = [...listed.upstream, ...listed.fork].map((c) => c.files);
    const onDisk = ['upstream', 'fork'].flatMap((side) => readdirSync(path.join(fixture, side)).map((name) => `${side}/${name}`));
    expect(onDisk.sort()).toEqual([...folders].sort());
    expect(readdirSync(fixture).sort()).toEqual(['fork', 'history.json', 'upstream']);
    const read = await history(fixture);
    const fileCount = [...read.upstream, ...read.fork].reduce((n, c) => n + c.files.size, 0);
    expect(fileCount).toBe(folders.reduce((n, folder) => n + filesBelow(path.join(fixture, folder)).length, 0));
  });
});

describe('reading a copy of the fixture', () => {
  let copy: string;
  beforeEach(() => {
    copy = tempDir('merge-sprint-fixture-');
    cpSync(demoFixtureDir(), copy, { recursive: true });
  });
  afterEach(() => cleanup(copy));

  const manifest = () => JSON.parse(readFileSync(path.join(copy, 'history.json'), 'utf8')) as { fork: Array<Record<string, string>> };
  const rewrite = (edit: (m: ReturnType<typeof manifest>) => void) => {
    const m = manifest();
    edit(m);
    writeFileSync(path.join(copy, 'history.json'), JSON.stringify(m));
  };
  async function refusal(): Promise<string> {
    const read = await readDemoHistory(copy);
    expect(read.ok).toBe(false);
    if (read.ok) return '';
    expect(read.error.code).toBe('internal');
    expect(read.error.message).toMatch(/Reinstall Merge Sprint/);
    return read.error.message;
  }

  it('puts every byte of a file into the repository as it is on disk', async () => {
    const folder = manifest().fork[0]?.files ?? 'missing';
    const bytes = Buffer.from([0x6c, 0xe9, 0x0d, 0x0a, 0x00, 0xff, 0x0a]);
    writeFileSync(path.join(copy, folder, 'odd bytes.bin'), bytes);
    const repo = tempDir('merge-sprint-fixture-repo-');
    try {
      await writeDemoRepository(repo, await history(copy));
      const blob = git(repo, ['rev-parse', 'xen:odd bytes.bin']).trim();
      expect(execFileSync('git', ['cat-file', 'blob', blob], { cwd: repo, env: gitEnv() }).equals(bytes)).toBe(true);
    } finally {
      cleanup(repo);
    }
  });

  it('refuses a commit whose folder is gone, naming it', async () => {
    const folder = manifest().fork[2]?.files ?? 'missing';
    rmSync(path.join(copy, folder), { recursive: true });
    expect(await refusal()).toContain(folder);
  });

  it('refuses an author who is not one of the demo\'s, naming the key', async () => {
    rewrite((m) => {
      if (m.fork[0]) m.fork[0].author = 'linus';
    });
    expect(await refusal()).toMatch(/"linus" is not one of the demo's authors/);
  });

  it('refuses a date that is not a whole second in UTC', async () => {
    rewrite((m) => {
      if (m.fork[0]) m.fork[0].date = '2005-06-28T00:00:00.500Z';
    });
    expect(await refusal()).toMatch(/whole second in UTC/);
  });

  it('refuses a link among the files, which the repository would not get as a file', async () => {
    const folder = manifest().fork[0]?.files ?? 'missing';
    symlinkSync('/etc/passwd', path.join(copy, folder, 'passwd'));
    expect(await refusal()).toMatch(/passwd is neither a file nor a folder/);
  });

  it('refuses a copy without history.json', async () => {
    rmSync(path.join(copy, 'history.json'));
    expect(await refusal()).toContain('history.json');
  });
});
