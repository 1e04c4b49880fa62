/** Which header tabs fit: pure, so it is tested without a browser. */

/**
 * The indexes of the tabs shown: all when they fit in `available`; else the current one (`keep`)
 * and as many of the others, in order, as fit beside it and the More button.
 */
export function tabsThatFit(widths: readonly number[], available: number, moreWidth: number, gap: number, keep: number): number[] {
  const all = widths.map((_, i) => i);
  if (widths.reduce((n, w) => n + w + gap, 0) <= available) return all;
  let used = moreWidth + (widths[keep] ?? 0) + gap;
  const shown = new Set(keep >= 0 && keep < widths.length ? [keep] : []);
  for (const i of all) {
    if (i === keep) continue;
    const w = widths[i] as number;
    if (used + w + gap > available) break;
    used += w + gap;
    shown.add(i);
  }
  return all.filter((i) => shown.has(i));
}
