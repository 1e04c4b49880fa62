/** Pairing suggestions on a sparse fork of realistic shape: the right pairs ticked, the decoy never suggested, each score's evidence. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestPairings } from '../../../electron/core/inventory/suggest';
import type { PairingSuggestion } from '../../../shared/model';
import { cleanup } from '../../helpers/repo';
import { DECOY, FORK_FOLDERS, REWRITTEN, makeSparseFork, type SparseFork } from '../../helpers/sparse-fork';

let fork: SparseFork;
let suggestions: PairingSuggestion[] = [];
beforeAll(async () => {
  fork = makeSparseFork();
  const result = await suggestPairings(fork.repo, fork.upstreamRef, fork.forkRef);
  if (!result.ok) throw new Error(result.error.message);
  suggestions = result.value;
});
afterAll(() => cleanup(fork.repo));

describe('suggestPairings on a sparse fork', () => {
  it('ticks exactly the right pairs and suggests the rewritten folder unticked', () => {
    const ticked = suggestions.filter((s) => s.confident).map((s) => `${s.fork}=${s.upstream}`);
    expect(ticked.sort()).toEqual(fork.pairings.map((p) => `${p.fork}=${p.upstream}`).sort());
    const rewritten = suggestions.find((s) => s.fork === REWRITTEN.fork);
    expect(rewritten).toMatchObject({ upstream: REWRITTEN.upstream, matched: 3, identical: 0, similar: 0, score: 0, confident: false });
  });

  it('never suggests the decoy folder that shares only Makefile and Kconfig with arch/alpha/kernel', () => {
    expect(suggestions.map((s) => s.fork)).not.toContain(DECOY);
    expect(suggestions.map((s) => s.upstream)).not.toContain('arch/alpha/kernel');
  });

  it('counts every fork file, its twins, and the identical and similar ones as the fixture made them', () => {
    for (const [dir, spec] of Object.entries(FORK_FOLDERS)) {
      const s = suggestions.find((x) => x.fork === dir);
      expect(s, dir).toMatchObject({
        upstream: spec.upstream,
        forkFiles: spec.changed.length + spec.identical.length + spec.own.length,
        matched: spec.changed.length + spec.identical.length,
        identical: spec.identical.length,
        similar: spec.changed.length,
      });
    }
  });

  it('lists the ticked ones first', () => {
    const firstUnticked = suggestions.findIndex((s) => !s.confident);
    expect(firstUnticked).toBe(fork.pairings.length);
  });
});
