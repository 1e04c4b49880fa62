import { describe, expect, it } from 'vitest';
import { chunkBounds, diffRows } from '../../renderer/src/views/diff/diffChunks';
import type { ChangeData } from 'react-diff-view';

const header = (from: string, to: string) => [`diff --git a/${from} b/${to}`, 'index 1111111..2222222 100644', `--- a/${from}`, `+++ b/${to}`];

/** A hunk of `n` lines where every `every`-th line is replaced (a removed line, then its added replacement). */
function bigHunk(n: number, every: number): string {
  const body: string[] = [];
  for (let i = 1; i <= n; i++) {
    if (i % every === 0) {
      body.push(`-line ${i} upstream`, `+line ${i} fork`);
    } else body.push(` line ${i}`);
  }
  return [...header('drivers/net/big.c', 'drivers/net/big.c'), `@@ -1,${n} +1,${n} @@`, ...body, ''].join('\n');
}

describe('diff rows', () => {
  const small = [
    ...header('arch/i386/kernel/time.c', 'arch/xen/i386/kernel/time.c'),
    '@@ -1,4 +1,4 @@ void time_init(void)',
    ' #include <linux/time.h>',
    '-\tload_cr3(next->pgd);',
    '+\txen_pt_switch(__pa(next->pgd));',
    ' int x;',
    '--- a removed line that starts with two dashes',
    '+++ an added one with two pluses',
    '',
  ].join('\n');

  it('gives a single file its hunk line and changes with both sides\' line numbers, and one stop per run of changes', () => {
    const { rows, stops, lines } = diffRows(small);
    expect(rows.map((r) => r.kind)).toEqual(['hunk', 'chunk']);
    expect(rows[0]).toMatchObject({ content: '@@ -1,4 +1,4 @@ void time_init(void)' });
    const chunk = rows[1];
    if (chunk?.kind !== 'chunk') throw new Error('expected a chunk');
    // "---" and "+++" inside a hunk are a removed and an added line, not file headers.
    expect(chunk.hunk.changes.map((c) => c.type)).toEqual(['normal', 'delete', 'insert', 'normal', 'delete', 'insert']);
    expect(chunk.hunk.changes[3]).toMatchObject({ oldLineNumber: 3, newLineNumber: 3 });
    expect(lines).toBe(6);
    expect(stops.map((s) => s.keys)).toEqual([
      ['D2', 'I2'],
      ['D4', 'I4'],
    ]);
  });

  it('cuts a 20,000-line hunk into chunks of at most 100 lines, never between a removed line and its replacement', () => {
    const { rows, stops, lines } = diffRows(bigHunk(20_000, 7));
    const chunks = rows.filter((r) => r.kind === 'chunk');
    expect(lines).toBe(20_000 + Math.floor(20_000 / 7));
    expect(chunks.length).toBeGreaterThan(20_000 / 100);
    for (const c of chunks) {
      expect(c.hunk.changes.length).toBeLessThanOrEqual(100);
      expect(c.hunk.changes[0]?.type).not.toBe('insert');
    }
    // Each chunk starts where the one before it ended, in both files' numbering.
    for (let i = 1; i < chunks.length; i++) {
      const prev = chunks[i - 1];
      const next = chunks[i];
      if (!prev || !next) continue;
      expect(next.hunk.oldStart).toBe(prev.hunk.oldStart + prev.hunk.oldLines);
      expect(next.hunk.newStart).toBe(prev.hunk.newStart + prev.hunk.newLines);
    }
    expect(stops).toHaveLength(Math.floor(20_000 / 7));
    const last = stops[stops.length - 1];
    expect(last?.first).toBe(`D${7 * Math.floor(20_000 / 7)}`);
    expect(rows[last?.row ?? -1]?.kind).toBe('chunk');
  });

  it('names each file of a diff of several, and says which is binary', () => {
    const text = [
      ...header('a.c', 'a.c'),
      '@@ -1 +1 @@',
      '-a',
      '+b',
      'diff --git a/logo.png b/logo.png',
      'index 3333333..4444444 100644',
      'Binary files a/logo.png and b/logo.png differ',
      '',
    ].join('\n');
    const files = diffRows(text).rows.filter((r) => r.kind === 'file');
    expect(files.map((f) => [f.newPath, f.binary])).toEqual([
      ['a.c', false],
      ['logo.png', true],
    ]);
  });

  it('has nothing to show for an empty diff', () => {
    expect(diffRows('')).toEqual({ rows: [], stops: [], lines: 0 });
  });
});

describe('chunk bounds', () => {
  const ins = (n: number): ChangeData => ({ type: 'insert', isInsert: true, lineNumber: n, content: `x${n}` });
  const del = (n: number): ChangeData => ({ type: 'delete', isDelete: true, lineNumber: n, content: `y${n}` });

  it('cuts an added file (no context at all) every 100 lines', () => {
    const bounds = chunkBounds(Array.from({ length: 1000 }, (_, i) => ins(i + 1)));
    expect(bounds).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  });

  it('moves a cut past a removed line so that its replacement stays beside it', () => {
    const changes = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? del(i / 2 + 1) : ins((i - 1) / 2 + 1)));
    for (const cut of chunkBounds(changes).slice(1, -1)) expect(changes[cut]?.type).toBe('delete');
  });
});
