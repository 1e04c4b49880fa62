/** The pure parts of the inventory and plan following a rename: interim copies marked, and the plan rebased onto a move. */
import { describe, expect, test } from 'vitest';
import { emptyPlan, type InventoryFile, type Plan, type Subsystem } from '../../../shared/model';
import { applyChange } from '../../../shared/plan/apply';
import { markInterimCopies } from '../../../shared/rename/board';
import { rebaseOntoMove } from '../../../shared/rename/follow';
import type { RenameRule } from '../../../shared/rename/model';

const rule = (id: string, from: string, to: string, phase: RenameRule['phase']): RenameRule => ({ id, from, to, phase, copyCommit: null, moveCommit: null });
const file = (path: string, status: InventoryFile['status'], upstreamPath = path): InventoryFile => ({ path, upstreamPath, status, added: 1, removed: 0, binary: false });

describe('interim copies in the inventory', () => {
  const copied = rule('i', 'arch/xen/i386', 'arch/i386/xen', 'copied');
  const files = [
    file('arch/i386/xen/kernel/setup.c', 'fork-only'),
    file('arch/i386/xen/only-here.c', 'fork-only'),
    file('arch/xen/i386/Makefile', 'upstream-only', 'arch/i386/Makefile'),
    file('arch/xen/i386/kernel/setup.c', 'modified', 'arch/i386/kernel/setup.c'),
    file('drivers/xen/core.c', 'fork-only'),
  ];
  const fork = new Set(['arch/i386/xen/kernel/setup.c', 'arch/i386/xen/only-here.c', 'arch/xen/i386/kernel/setup.c']);

  test('a source file says where its copy is; the copy names its source; a file on one side only, or inherited, is unmarked', () => {
    const marked = markInterimCopies(files, [copied], (p) => fork.has(p));
    expect(marked.map((f) => [f.path, f.interimCopyAt ?? null, f.interimCopyOf ?? null])).toEqual([
      ['arch/i386/xen/kernel/setup.c', null, 'arch/xen/i386/kernel/setup.c'],
      ['arch/i386/xen/only-here.c', null, null],
      ['arch/xen/i386/Makefile', null, null],
      ['arch/xen/i386/kernel/setup.c', 'arch/i386/xen/kernel/setup.c', null],
      ['drivers/xen/core.c', null, null],
    ]);
    // Untouched files keep their objects (the renderer's memos key on them).
    expect(marked[4]).toBe(files[4]);
  });

  test('a file the destination folder held before the copy is neither a copy nor a source\'s copy', () => {
    const before = new Set(['arch/i386/xen/kernel/setup.c']);
    const marked = markInterimCopies(files, [copied], (p) => fork.has(p), (p) => before.has(p));
    expect(marked.map((f) => [f.interimCopyAt ?? null, f.interimCopyOf ?? null])).toEqual([
      [null, null],
      [null, null],
      [null, null],
      [null, null],
      [null, null],
    ]);
  });

  test('planned, moved and abandoned rules mark nothing', () => {
    for (const phase of ['planned', 'moved', 'abandoned'] as const) {
      expect(markInterimCopies(files, [{ ...copied, phase }], () => true)).toBe(files);
    }
  });
});

describe('the plan rebased onto a move', () => {
  const moved = { id: 'i', from: 'arch/xen/i386', to: 'arch/i386/xen' };
  const sub = (id: string, files: string[], folder?: string): Subsystem => ({
    id,
    name: id,
    files,
    source: folder ? { kind: 'folder', folder } : { kind: 'manual' },
    owner: null,
    state: 'In progress',
    blocked: null,
  });
  function plan(subsystems: Subsystem[]): Plan {
    const p = emptyPlan();
    p.sprint = {
      upstreamRef: 'v2.6.12',
      forkRef: 'xen',
      pairings: [
        { fork: 'arch/xen/i386', upstream: 'arch/i386' },
        { fork: 'arch/xen/x86_64', upstream: 'arch/x86_64' },
      ],
    };
    for (const s of subsystems) p.subsystems[s.id] = s;
    p.subsystemOrder = subsystems.map((s) => s.id);
    return p;
  }
  const applyAll = (p: Plan, changes: ReturnType<typeof rebaseOntoMove>['changes']): Plan =>
    changes.reduce((acc, c) => {
      const next = applyChange(acc, c);
      if (!next.ok) throw new Error(next.error.message);
      return next.value;
    }, p);

  test('pairings under the source and subsystems holding its files name the new paths; others stay as they were', () => {
    const before = plan([sub('kernel', ['arch/xen/i386/kernel/a.c', 'arch/xen/i386/kernel/b.c'], 'arch/xen/i386/kernel'), sub('x86_64', ['arch/xen/x86_64/c.c'], 'arch/xen/x86_64')]);
    const rebase = rebaseOntoMove(before, moved);
    expect(rebase).toMatchObject({ pairings: 1, subsystems: 1 });
    const after = applyAll(before, rebase.changes);
    expect(after.sprint).toEqual({
      upstreamRef: 'v2.6.12',
      forkRef: 'xen',
      pairings: [
        { fork: 'arch/i386/xen', upstream: 'arch/i386' },
        { fork: 'arch/xen/x86_64', upstream: 'arch/x86_64' },
      ],
    });
    expect(after.subsystems.kernel).toEqual({ ...before.subsystems.kernel, files: ['arch/i386/xen/kernel/a.c', 'arch/i386/xen/kernel/b.c'], source: { kind: 'folder', folder: 'arch/i386/xen/kernel' } });
    expect(after.subsystems.x86_64).toBe(before.subsystems.x86_64);
  });

  test('a subsystem named after its folder takes the new folder as its name; a name someone chose stays', () => {
    const byFolder = { ...sub('k', ['arch/xen/i386/kernel/a.c'], 'arch/xen/i386/kernel'), name: 'arch/xen/i386/kernel' };
    const chosen = { ...sub('m', ['arch/xen/i386/mm/b.c'], 'arch/xen/i386/mm'), name: 'Xen i386 memory' };
    const after = applyAll(plan([byFolder, chosen]), rebaseOntoMove(plan([byFolder, chosen]), moved).changes);
    expect(after.subsystems.k?.name).toBe('arch/i386/xen/kernel');
    expect(after.subsystems.m?.name).toBe('Xen i386 memory');
    expect(after.subsystems.m?.files).toEqual(['arch/i386/xen/mm/b.c']);
  });

  test('an interim copy someone filed in another subsystem goes with its source, so no file is held twice', () => {
    const before = plan([
      // Holds a source file and its own copy: one file after the move.
      sub('kernel', ['arch/xen/i386/kernel/a.c', 'arch/xen/i386/kernel/b.c', 'arch/i386/xen/kernel/a.c']),
      sub('copies', ['arch/i386/xen/kernel/b.c', 'README']),
    ]);
    const after = applyAll(before, rebaseOntoMove(before, moved).changes);
    expect(after.subsystems.kernel?.files).toEqual(['arch/i386/xen/kernel/a.c', 'arch/i386/xen/kernel/b.c']);
    expect(after.subsystems.copies?.files).toEqual(['README']);
  });

  test('nothing under the source: no change at all', () => {
    const before = plan([sub('x86_64', ['arch/xen/x86_64/c.c'])]);
    expect(rebaseOntoMove(before, { id: 'k', from: 'arch/xen/kernel', to: 'drivers/xen/core' })).toEqual({ changes: [], pairings: 0, subsystems: 0 });
  });
});
