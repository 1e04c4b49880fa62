/**
 * Counts in words, with the noun and the verb agreeing with the number ("1 line names",
 * "2 lines name"): for the messages the core writes, which the board and the command line show.
 * The renderer's format.ts has the same `plural`, with its number formatting.
 */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The verb for a count: `agree(n, 'names', 'name')`. */
export const agree = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** "1 line names", "3 lines name": a count, its noun and its verb. */
export const countSays = (n: number, noun: [string, string?], verb: [string, string]): string => `${plural(n, noun[0], noun[1])} ${agree(n, verb[0], verb[1])}`;
