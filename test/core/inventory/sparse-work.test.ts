/** On a sparse fork of realistic shape: inherited files keep their status in the inventory, and are no card's work. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeInventory } from '../../../electron/core/inventory/inventory';
import { subsystemsFromFolders } from '../../../electron/core/plan/subsystems';
import { filesInNoSubsystem, isInherited, needsWork } from '../../../shared/inventory';
import type { Inventory } from '../../../shared/model';
import { linesCounter } from '../../../shared/team/lines';
import { cleanup } from '../../helpers/repo';
import { CHANGED_IN_PLACE, FORK_FOLDERS, FORK_ONLY, REWRITTEN, inheritedFiles, makeSparseFork, type SparseFork } from '../../helpers/sparse-fork';

let fork: SparseFork;
let inventory: Inventory;
beforeAll(async () => {
  fork = makeSparseFork();
  const result = await computeInventory(fork.repo, { upstreamRef: fork.upstreamRef, forkRef: fork.forkRef, pairings: fork.pairings });
  if (!result.ok) throw new Error(result.error.message);
  inventory = result.value;
});
afterAll(() => cleanup(fork.repo));

describe('inherited files', () => {
  it('are the upstream files of each pairing the fork does not copy, hundreds of them, still upstream-only in the inventory', () => {
    const inherited = inventory.files.filter(isInherited);
    expect(inherited.map((f) => f.path).sort()).toEqual(inheritedFiles(fork));
    expect(inherited.length).toBeGreaterThan(300);
    expect(new Set(inherited.map((f) => f.status))).toEqual(new Set(['upstream-only']));
  });
});

describe('subsystems derived from a sparse fork', () => {
  const work = (): Set<string> => new Set(inventory.files.filter(needsWork).map((f) => f.path));

  it('make cards of work only: none holds an inherited file or an identical copy, none is without work', () => {
    const cards = subsystemsFromFolders(inventory, {}, {});
    const needed = work();
    expect(cards.length).toBeGreaterThan(3);
    for (const c of cards) {
      expect(c.files.length, c.name).toBeGreaterThan(0);
      for (const f of c.files) expect(needed.has(f), `${c.name}: ${f}`).toBe(true);
    }
    // A folder the fork never copied (math-emu: 46 inherited files) makes no card.
    expect(cards.map((c) => c.name).filter((n) => n.includes('math-emu'))).toEqual([]);
    expect(filesInNoSubsystem(inventory, cards)).toEqual([]);
  });

  it('count exactly the files that need work, as the fixture made them', () => {
    const cards = subsystemsFromFolders(inventory, {}, {});
    const copies = Object.values(FORK_FOLDERS).reduce((n, s) => n + s.changed.length + s.own.length, 0);
    const ownFolders = Object.values(FORK_ONLY).reduce((n, list) => n + list.length, 0);
    expect(cards.reduce((n, c) => n + c.files.length, 0)).toBe(copies + ownFolders + REWRITTEN.files.length + CHANGED_IN_PLACE.length);
  });

  it('leave inherited lines out of the work: each changed copy removes one line, nothing else removes any', () => {
    const cards = subsystemsFromFolders(inventory, {}, {});
    const linesOf = linesCounter(inventory);
    const byPath = new Map(inventory.files.map((f) => [f.path, f]));
    const removed = cards.reduce((n, c) => n + c.files.reduce((m, p) => m + (byPath.get(p)?.removed ?? 0), 0), 0);
    const changed = Object.values(FORK_FOLDERS).reduce((n, s) => n + s.changed.length, 0) + CHANGED_IN_PLACE.length;
    expect(removed).toBe(changed);
    const all = cards.reduce((n, c) => n + linesOf(c), 0);
    // With the inherited files the same cards would count every inherited line as removed.
    const inheritedLines = inventory.files.filter(isInherited).reduce((n, f) => n + f.removed, 0);
    expect(inheritedLines).toBeGreaterThan(10 * all);
    expect(linesOf({ ...cards[0]!, files: inventory.files.filter(isInherited).map((f) => f.path) })).toBe(0);
  });
});
