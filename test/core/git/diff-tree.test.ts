/** The one `-z` parser of diff-tree, on the records git prints (quoted shapes), odd paths included. */
import { describe, expect, it } from 'vitest';
import { parseDiffTree } from '../../../electron/core/git/diff-tree';

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

  it('refuses what is not diff-tree output', () => {
    expect(() => parseDiffTree(`:100644 100644 ${A} ${B} X\0x.c\0`)).toThrow(/Unexpected diff-tree raw record/);
    expect(() => parseDiffTree('garbage\0')).toThrow(/Unexpected diff-tree numstat record/);
  });
});
