import { describe, expect, it } from 'vitest';
import { applyChange } from '../../shared/plan/apply';
import { checkManualPairing, evidenceWords, mergeSuggestions, rowWords, rowsFromPairings } from '../../renderer/src/views/setup/pairings';
import { mergeChange, moveFilesChange, splitChange } from '../../renderer/src/views/subsystems/subsystemChanges';
import { boardPlan } from './fakeServer';

describe('pairings on the setup page', () => {
  const suggestion = (fork: string, upstream: string, matched: number, identical: number, similar: number, confident: boolean) => ({
    fork, upstream, score: (identical + similar) / 10, forkFiles: 10, matched, identical, similar, confident,
  });

  it('adds new suggestions, ticking only those the core is confident of, and keeps the rows already there', () => {
    const rows = rowsFromPairings([{ fork: 'arch/xen/i386', upstream: 'arch/i386' }]);
    const merged = mergeSuggestions(rows, [
      suggestion('arch/xen/i386', 'arch/i386', 9, 2, 6, true),
      suggestion('arch/xen/x86_64', 'arch/x86_64', 6, 1, 5, true),
      // Many twins by name, none alike: not ticked however many names match.
      suggestion('drivers/xen/char', 'drivers/char', 10, 0, 0, false),
    ]);
    expect(merged.map((r) => [r.fork, r.checked])).toEqual([
      ['arch/xen/i386', true],
      ['arch/xen/x86_64', true],
      ['drivers/xen/char', false],
    ]);
    expect(merged[0]?.evidence?.matched).toBe(9);
  });

  it('says each score in words', () => {
    const [i386, char] = mergeSuggestions([], [suggestion('arch/xen/i386', 'arch/i386', 9, 2, 6, true), suggestion('drivers/xen/char', 'drivers/char', 3, 0, 0, false)]);
    expect(rowWords(i386!)).toBe('9 of 10 files have a twin; 2 identical, 6 similar');
    expect(rowWords(char!)).toBe('3 of 10 files have a twin; none alike: the fork rewrote them');
    expect(evidenceWords({ score: 1, forkFiles: 1, matched: 1, identical: 1, similar: 0, confident: true })).toBe('1 of 1 file has a twin; 1 identical');
    expect(rowWords(rowsFromPairings([{ fork: 'a', upstream: 'b' }])[0]!)).toBe('in the sprint');
  });

  it('refuses an incomplete, self or duplicate manual pairing', () => {
    const rows = rowsFromPairings([{ fork: 'arch/xen/i386', upstream: 'arch/i386' }]);
    expect(checkManualPairing(rows, 'arch/xen/x86_64', '')).toMatch(/both folders/);
    expect(checkManualPairing(rows, 'arch/i386/', 'arch/i386')).toMatch(/itself/);
    expect(checkManualPairing(rows, 'arch/xen/i386/', 'arch/x86_64')).toMatch(/already paired/);
    expect(checkManualPairing(rows, 'arch/xen/x86_64', 'arch/x86_64')).toBeNull();
  });
});

describe('subsystem changes', () => {
  it('moves several files in one change that the plan engine accepts', () => {
    const plan = boardPlan();
    const change = moveFilesChange(plan, ['drivers/xen/net/netback.c', 'arch/xen/kernel/evtchn.c'], 'blk');
    expect(change).not.toBeNull();
    const after = applyChange(plan, change!);
    expect(after.ok).toBe(true);
    if (!after.ok) return;
    expect(after.value.subsystems.blk?.files.sort()).toEqual(['arch/xen/kernel/evtchn.c', 'drivers/xen/blk/blkfront.c', 'drivers/xen/net/netback.c']);
    expect(after.value.subsystems.net?.files).toEqual(['drivers/xen/net/netfront.c']);
    expect(after.value.subsystems.core?.files).toEqual([]);
  });

  it('moving files a subsystem already holds is no change', () => {
    expect(moveFilesChange(boardPlan(), ['drivers/xen/blk/blkfront.c'], 'blk')).toBeNull();
  });

  it('a split needs ticked files, a name, and a file left behind', () => {
    const plan = boardPlan();
    expect(splitChange(plan, 'net', [], 'netback')).toMatch(/Tick/);
    expect(splitChange(plan, 'net', ['drivers/xen/net/netfront.c', 'drivers/xen/net/netback.c'], 'x')).toMatch(/at least one file/);
    expect(splitChange(plan, 'net', ['drivers/xen/net/netback.c'], ' ')).toMatch(/Name/);
    const change = splitChange(plan, 'net', ['drivers/xen/net/netback.c'], 'netback');
    expect(typeof change).toBe('object');
    if (typeof change === 'string') return;
    const after = applyChange(plan, change);
    expect(after.ok && Object.values(after.value.subsystems).find((s) => s.name === 'netback')?.files).toEqual(['drivers/xen/net/netback.c']);
  });

  it('a merge needs two ticked subsystems and a target among them', () => {
    expect(mergeChange(['net'], 'net')).toMatch(/two/);
    expect(mergeChange(['net', 'blk'], 'core')).toMatch(/keeps its name/);
    expect(mergeChange(['net', 'blk'], 'blk')).toEqual({ type: 'subsystem.merge', subsystemIds: ['net', 'blk'], into: 'blk' });
  });
});
