/** `--since` for the standup report: "1d", "12h", "30m", "2w", or a date or time (ISO 8601). */
import { fail, ok, type Result } from '../result';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const HOW = 'write a span such as "1d", "12h", "30m" or "2w", or a date such as 2026-11-30 or 2026-11-30T09:00Z';
const MAX_SPAN_DAYS = 366;

/** The time `since` names, counted back from `now` (ms since the epoch). */
export function parseSince(since: string, now: number): Result<Date> {
  const text = since.trim();
  if (text === '') return fail('bad-input', `--since is empty: ${HOW}.`);
  const span = /^(\d{1,6})([mhdw])$/.exec(text);
  if (span) {
    const ms = Number(span[1]) * (UNITS[span[2] as string] as number);
    if (ms === 0) return fail('bad-input', `--since ${text} is a span of nothing: ${HOW}.`);
    if (ms > MAX_SPAN_DAYS * UNITS.d!) return fail('bad-input', `--since ${text} reaches back more than a year: a sprint is shorter; ${HOW}.`);
    return ok(new Date(now - ms));
  }
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    const at = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text.replace(' ', 'T'));
    // Date.parse rolls 2026-02-31 over into March: a real date reads back as the same day.
    const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
    const real = new Date(Date.UTC(y, m - 1, d));
    if (Number.isNaN(at) || real.getUTCMonth() !== m - 1 || real.getUTCDate() !== d) return fail('bad-input', `--since "${text}" is not a real date: ${HOW}.`);
    if (at > now) return fail('bad-input', `--since "${text}" is in the future: name a time before now.`);
    return ok(new Date(at));
  }
  return fail('bad-input', `--since "${text.slice(0, 80)}" is not a span or a date: ${HOW}.`);
}
