/** The pick-up's git parsers, on the strings git prints. */
import { expect, test } from 'vitest';
import { parseCommitChanges } from '../../../electron/core/git/diff-tree';
import { parseForkCommits, parsePickupTrailers } from '../../../electron/core/git/log';
import { parsePatchIds } from '../../../electron/core/git/patch-id';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);

test('diff-tree --stdin: commits and their records, a rename with two paths, a path of forty hex digits stays a path', () => {
  const hexName = 'c'.repeat(40);
  const out = `${A}\0:100644 100644 ${B} ${A} M\0new\nline.c\0:100644 100644 ${B} ${A} R100\0old dir/x.c\0new dir/x.c\0${B}\0:000000 100644 ${Z} ${A} A\0${hexName}\0`;
  const parsed = parseCommitChanges(out);
  expect([...parsed.keys()]).toEqual([A, B]);
  expect(parsed.get(A)?.map((c) => [c.status, c.from, c.path])).toEqual([['M', undefined, 'new\nline.c'], ['R100', 'old dir/x.c', 'new dir/x.c']]);
  expect(parsed.get(B)?.map((c) => c.path)).toEqual([hexName]);
});

test('git log of fork commits: parents, raw author date, the whole message with a stray separator in it', () => {
  const out = `${A}\x1f${B} ${Z}\x1fKeir Fraser\x1fkeir@xen.org\x1f1117000000 +0100\x1f2005-05-25T06:40:00+01:00\x1fFix\x1fFix\n\nbody \x1f kept\n\0`;
  expect(parseForkCommits(out)).toEqual([
    { commit: A, parents: [B, Z], authorName: 'Keir Fraser', authorEmail: 'keir@xen.org', authorDate: '1117000000 +0100', authorIso: '2005-05-25T06:40:00+01:00', subject: 'Fix', message: 'Fix\n\nbody \x1f kept\n' },
  ]);
});

test('trailers: only a whole "(picked up from commit SHA)" line counts', () => {
  const out = `Fix\n\n(picked up from commit ${A})\n\0Other\n\nsee (picked up from commit ${B}) inline\n\0`;
  expect([...parsePickupTrailers(out)]).toEqual([A]);
});

test('patch-id lines: commit to patch id', () => {
  expect(parsePatchIds(`${B} ${A}\n`)).toEqual(new Map([[A, B]]));
});
