/** Reading a `.gitmodules` blob with git's own config parser, and blob sizes: the parsers on strings, then real git. */
import { afterAll, describe, expect, test } from 'vitest';
import { objectSizes, parseObjectSizes, readBlob } from '../../../electron/core/git/cat-file';
import { listBlobConfig, parseConfigList } from '../../../electron/core/git/config';
import { cleanup, git, makeRepo } from '../../helpers/repo';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('parsers', () => {
  test('config -z: a key and its value after a newline (itself free to hold newlines), or a key alone', () => {
    expect(parseConfigList('submodule.a.b.url\nhttps://x\0submodule.lib.active\0core.note\ntwo\nlines\0')).toEqual([
      { key: 'submodule.a.b.url', value: 'https://x' },
      { key: 'submodule.lib.active', value: null },
      { key: 'core.note', value: 'two\nlines' },
    ]);
    expect(parseConfigList('')).toEqual([]);
  });

  test('cat-file --batch-check sizes; a missing object has none', () => {
    expect(parseObjectSizes(`${A} 2048\n${B} missing\n`)).toEqual(new Map([[A, 2048]]));
  });
});

describe('with git', () => {
  const repo = makeRepo();
  afterAll(() => cleanup(repo));
  const blob = (text: string): string => git(repo, ['hash-object', '-w', '--stdin'], { input: text }).trim();

  test('the settings of a .gitmodules, names with dots and quotes kept as written', async () => {
    const oid = blob('[submodule "a.b \\"q\\""]\n\tpath = a\n\tactive\n[Submodule "Lib"]\n\tURL = ./lib\n');
    expect(await listBlobConfig(repo, oid)).toEqual({
      ok: true,
      entries: [
        { key: 'submodule.a.b "q".path', value: 'a' },
        { key: 'submodule.a.b "q".active', value: null },
        { key: 'submodule.Lib.url', value: './lib' },
      ],
    });
  });

  test('text git cannot parse: git\'s own words, with the line', async () => {
    const read = await listBlobConfig(repo, blob('[submodule "a"]\n\tpath = a\n[submodule "b"\n'));
    expect(read.ok || read.gitMessage).toMatch(/^bad config line \d+$/);
  });

  test('an include in the blob is not followed', async () => {
    const other = blob('[submodule "x"]\n\tpath = -x\n');
    const oid = blob(`[include]\n\tpath = ${other}\n`);
    expect(await listBlobConfig(repo, oid)).toEqual({ ok: true, entries: [{ key: 'include.path', value: other }] });
  });

  test('sizes and text of blobs', async () => {
    const oid = blob('0123456789');
    expect(await objectSizes(repo, [oid, A])).toEqual(new Map([[oid, 10]]));
    expect(await readBlob(repo, oid)).toBe('0123456789');
  });
});
