/**
 * A version's changelog for its cover letter, from `git range-diff` against the previous
 * version: which patches changed, were added, dropped or moved, as b4 and the kernel's lists
 * write it ("Changes in v2:").
 */

export interface RangeDiffPair {
  /** 1-based position in the older version, or null for a new patch. */
  from: number | null;
  /** 1-based position in the newer version, or null for a dropped patch. */
  to: number | null;
  /** '=' same, '!' changed, '<' dropped, '>' added. */
  mark: '=' | '!' | '<' | '>';
  subject: string;
}

/**
 * Parses the pair lines of `git range-diff --no-color`, skipping the indented diff of a changed pair:
 *   "1:  3a4b5c6 = 1:  7d8e9f0 x86: add Xen hooks"
 *   "2:  1111111 ! 2:  2222222 xen: add core"
 *   "3:  4444444 < -:  ------- xen: old driver"
 *   "-:  ------- > 3:  5555555 xen: new driver"
 */
export function parseRangeDiff(text: string): RangeDiffPair[] {
  const pairs: RangeDiffPair[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+|-+):\s+(?:[0-9a-f]+|-+) ([=!<>]) \s*(\d+|-+):\s+(?:[0-9a-f]+|-+) (.*)$/.exec(line);
    if (!m) continue;
    const num = (s: string): number | null => (/^\d+$/.test(s) ? Number(s) : null);
    pairs.push({ from: num(m[1] as string), to: num(m[3] as string), mark: m[2] as RangeDiffPair['mark'], subject: m[4] as string });
  }
  return pairs;
}

/**
 * "Changes in v2:" and one line per patch that is not the same patch at the same place; null
 * when nothing changed. range-diff names a changed pair by its old subject, so a patch of the
 * new version is named by `subjects` (the new version's, in order).
 */
export function changelogOf(pairs: readonly RangeDiffPair[], version: number, subjects: readonly string[], previousTotal: number): string | null {
  const lines: string[] = [];
  const total = subjects.length;
  const at = (n: number, of: number): string => `${n}/${of}`;
  for (const pair of [...pairs].sort((a, b) => (a.to ?? Infinity) - (b.to ?? Infinity))) {
    const p = { ...pair, subject: pair.to !== null ? (subjects[pair.to - 1] ?? pair.subject) : pair.subject };
    if (p.mark === '>' && p.to !== null) lines.push(`- ${at(p.to, total)} "${p.subject}": new`);
    else if (p.mark === '<' && p.from !== null) lines.push(`- "${p.subject}": dropped (was ${at(p.from, previousTotal)})`);
    else if (p.from !== null && p.to !== null) {
      const moved = p.from !== p.to ? `moved (was ${at(p.from, previousTotal)})` : null;
      const changed = p.mark === '!' ? 'changed' : null;
      const what = [changed, moved].filter(Boolean).join(', ');
      if (what) lines.push(`- ${at(p.to, total)} "${p.subject}": ${what}`);
    }
  }
  return lines.length === 0 ? null : [`Changes in v${version}:`, ...lines].join('\n');
}

/** Whether a cover letter's text already has a changelog the team wrote (then none is added). */
export const hasChangelog = (blurb: string): boolean => /^Changes in v\d+:/m.test(blurb);
