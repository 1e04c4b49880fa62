/**
 * Identifiers of the plan: random ids for new records, sortable event ids, and readable,
 * deterministic slugs for subsystems derived from folder or section names.
 */

/** A random lowercase base-36 string; `random` is injectable so tests are reproducible. */
export function randomToken(length = 10, random: () => number = Math.random): string {
  let out = '';
  while (out.length < length) out += Math.floor(random() * 36).toString(36);
  return out;
}

/** A new record id with a readable prefix, for example `person-k3j9x0a1qz`. */
export function newId(prefix: string, random?: () => number): string {
  return `${prefix}-${randomToken(10, random)}`;
}

/**
 * An event id `${at}-${random}`: the ISO time first, so ids sort like the events they name;
 * the random part tells apart two events made in the same millisecond on two laptops.
 */
export function newEventId(at: string, random?: () => number): string {
  return `${at}-${randomToken(8, random)}`;
}

/**
 * The time for a new event: now, but strictly after the newest event already in the log, so an
 * appended event also folds last even when another laptop's clock ran ahead of ours. The plan
 * is validated against the fold of everything before it, and that must be what it follows.
 */
export function nextEventTime(now: Date, newestAt: string | null): string {
  const last = newestAt === null ? Number.NaN : Date.parse(newestAt);
  const ms = Number.isNaN(last) ? now.getTime() : Math.max(now.getTime(), last + 1);
  return new Date(ms).toISOString();
}

/** A short stable hash (FNV-1a, base 36) to keep truncated slugs distinct. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

const MAX_SLUG = 60;

/** `arch/xen/i386/kernel` -> `arch-xen-i386-kernel`; empty or symbol-only names give `fallback`. */
export function slugify(name: string, fallback = 'subsystem'): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base === '') return fallback;
  if (base.length <= MAX_SLUG) return base;
  return `${base.slice(0, MAX_SLUG - 8).replace(/-+$/, '')}-${shortHash(name)}`;
}

/**
 * A slug id for `name` not in `taken` (which it joins): `name`, then `name-2`, `name-3`…
 * Deterministic for the same names in the same order.
 */
export function uniqueSlug(name: string, taken: Set<string>, fallback?: string): string {
  const base = slugify(name, fallback);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
