/**
 * Person colours: distinct hues, each dark enough that white text on it stays readable
 * (contrast with white at least 4.5:1, WCAG AA; checked in the tests).
 */

export const PERSON_COLORS: readonly string[] = [
  '#1f6feb', // blue
  '#b0361e', // brick
  '#1a7f37', // green
  '#8250df', // violet
  '#9a6700', // ochre
  '#bf3989', // magenta
  '#0f7b8a', // teal
  '#6e5494', // grape
  '#a0522d', // sienna
  '#3b6e22', // moss
  '#c2185b', // raspberry
  '#2e5aac', // navy
  '#7d4e00', // bronze
  '#00796b', // pine
  '#8e3b46', // wine
  '#5c6bc0', // indigo
];

/**
 * The first palette colour nobody uses yet (case-insensitive); once all are taken, the
 * palette repeats in order so colours stay spread over the people.
 */
export function nextColor(used: Iterable<string>): string {
  const taken = new Set<string>();
  let count = 0;
  for (const c of used) {
    taken.add(c.toLowerCase());
    count++;
  }
  const free = PERSON_COLORS.find((c) => !taken.has(c));
  return free ?? (PERSON_COLORS[count % PERSON_COLORS.length] as string);
}

/** WCAG relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const channel = (i: number): number => {
    const v = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio between two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
