/** The one `-z` parser of diff-tree, on the records git prints (quoted shapes), odd paths included. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffTreeDissimilarity, parseDiffTree } from '../../../electron/core/git/diff-tree';
import { cleanup, makeCommit, makeRepo } from '../../helpers/repo';

const Z = '0'.repeat(40);
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('parseDiffTree', () => {
  it('reads raw records with odd paths: added, deleted, type changed', () => {
    const out = `:000000 100644 ${Z} ${A} A\0new "file"\nx.c\0:100644 000000 ${B} ${Z} D\0gone.c\0:100644 120000 ${A} ${B} T\0link\0`;
    expect(parseDiffTree(out)).toEqual({
      changes: [
        { oldMode: '000000', newMode: '100644', oldOid: Z, newOid: A, status: 'A', path: 'new "file"\nx.c' },
        { oldMode: '100644', newMode: '000000', oldOid: B, newOid: Z, status: 'D', path: 'gone.c' },
        { oldMode: '100644', newMode: '120000', oldOid: A, newOid: B, status: 'T', path: 'link' },
      ],
      counts: [],
    });
  });

  it('reads a rename and a copy as two paths, old first, with the similarity in the status', () => {
    const out = `:100644 100644 ${A} ${B} R042\0old/a.c\0new/a.c\0:100644 100644 ${A} ${B} M\0x.c\0:100644 100644 ${A} ${B} C075\0c1\0c2\0`;
    const { changes } = parseDiffTree(out);
    expect(changes.map((c) => [c.status, c.from, c.path])).toEqual([
      ['R042', 'old/a.c', 'new/a.c'],
      ['M', undefined, 'x.c'],
      ['C075', 'c1', 'c2'],
    ]);
  });

  it('reads the numstat records after the raw ones, a binary file as no counts', () => {
    const out = `:000000 100644 ${Z} ${A} A\0new.c\0:100644 100644 ${A} ${B} M\0logo.bin\0` + '3\t0\tnew.c\0-\t-\tlogo.bin\0';
    expect(parseDiffTree(out).counts).toEqual([
      { path: 'new.c', added: 3, removed: 0 },
      { path: 'logo.bin', added: null, removed: null },
    ]);
  });

  it('reads the dissimilarity -B prints after an M for a rewrite', () => {
    const out = `:100644 100644 ${A} ${B} M\0a\0:100644 100644 ${A} ${B} M049\0b\0`;
    expect(parseDiffTree(out).changes.map((c) => c.status)).toEqual(['M', 'M049']);
  });

  it('refuses what is not diff-tree output', () => {
    expect(() => parseDiffTree(`:100644 100644 ${A} ${B} X\0x.c\0`)).toThrow(/Unexpected diff-tree raw record/);
    expect(() => parseDiffTree('garbage\0')).toThrow(/Unexpected diff-tree numstat record/);
  });
});

describe('diffTreeDissimilarity', () => {
  let repo = '';
  const lines = (from: number, to: number): string => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`).join('\n') + '\n';
  beforeAll(() => {
    repo = makeRepo();
    makeCommit(repo, { files: { 'up/same.c': lines(1, 200), 'up/touched.c': lines(1, 200), 'up/half.c': lines(1, 200), 'up/new.c': lines(1, 200), 'up/tiny.c': 'a\n' } });
    makeCommit(repo, {
      files: {
        'fork/same.c': lines(1, 200),
        'fork/touched.c': lines(1, 199) + 'changed\n',
        'fork/half.c': lines(1, 100) + lines(1000, 1099),
        'fork/new.c': lines(5000, 5199),
        'fork/tiny.c': 'b\n',
      },
    });
  });
  afterAll(() => cleanup(repo));

  it("scores each changed twin by git's measure: a small change bare, a rewrite with its percentage, a tiny file unscored", async () => {
    const changes = await diffTreeDissimilarity(repo, 'HEAD:up', 'HEAD:fork');
    const status = Object.fromEntries(changes.map((c) => [c.path, c.status]));
    expect(status['same.c']).toBeUndefined();
    expect(status['touched.c']).toBe('M');
    expect(status['tiny.c']).toBe('M');
    expect(status['new.c']).toBe('M100');
    expect(Number(status['half.c']?.slice(1))).toBeGreaterThanOrEqual(40);
    expect(Number(status['half.c']?.slice(1))).toBeLessThan(60);
  });
});
