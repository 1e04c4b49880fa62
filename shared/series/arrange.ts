/**
 * From a first cut (./propose.ts) to a series that holds together at every step and stays
 * reviewable: patches over the size limit are cut along folders, then the order is fixed by
 * what each step needs (./consistency.ts). Each break says which patch must come first; those
 * are constraints, the preferred order breaks ties, and patches that need each other (a cycle)
 * become one. Everything it did is said in `notes`.
 */
import type { ChangedFile } from './changes';
import { describeBreak, stepBreaks, type ConsistencyInput, type StepBreak } from './consistency';
import type { SeriesPatch } from './model';
import { kb, patchSize, splitPatch, type PatchSize } from './sizes';

export interface ArrangeInput extends Omit<ConsistencyInput, 'patches'> {
  /** The first cut, in the preferred order. */
  patches: readonly SeriesPatch[];
  /** Each changed file's diff in bytes; null when unknown (nothing is split or flagged). */
  fileBytes: ReadonlyMap<string, number> | null;
  limitBytes: number;
  /** A patch to keep whole whatever its size (the user chose one patch adding the whole support). */
  keepWhole: string | null;
}

export interface Arrangement {
  patches: SeriesPatch[];
  notes: string[];
  sizes: PatchSize[];
  /** What still breaks (empty unless a reference could not be satisfied by any order). */
  breaks: StepBreak[];
}

const MAX_NOTES = 25;

/** Kahn's order over `edges` (before -> after), taking the best-ranked ready patch each time. */
function orderBy(patches: readonly SeriesPatch[], edges: ReadonlyMap<string, ReadonlySet<string>>, rank: ReadonlyMap<string, number>): SeriesPatch[] {
  const indegree = new Map(patches.map((p) => [p.id, 0]));
  for (const [from, tos] of edges) if (indegree.has(from)) for (const to of tos) if (indegree.has(to)) indegree.set(to, (indegree.get(to) ?? 0) + 1);
  const byId = new Map(patches.map((p) => [p.id, p]));
  const ready = patches.filter((p) => indegree.get(p.id) === 0);
  const out: SeriesPatch[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
    const next = ready.shift() as SeriesPatch;
    out.push(next);
    for (const to of edges.get(next.id) ?? []) {
      const d = (indegree.get(to) ?? 0) - 1;
      indegree.set(to, d);
      if (d === 0 && byId.has(to)) ready.push(byId.get(to) as SeriesPatch);
    }
  }
  return out;
}

/** Groups of patches that must each come before another of the group (Tarjan's components of size > 1). */
function cycles(ids: readonly string[], edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
        onStack.delete(w);
        group.push(w);
        if (w === v) break;
      }
      if (group.length > 1) found.push(group);
    }
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return found;
}

export function arrangeSeries(input: ArrangeInput): Arrangement {
  const notes: string[] = [];
  const changes = new Map<string, ChangedFile>(input.changes.map((c) => [c.path, c]));
  const taken = new Set(input.patches.map((p) => p.id));
  let patches: SeriesPatch[] = [];
  for (const p of input.patches) {
    const size = input.fileBytes && p.id !== input.keepWhole ? patchSize(p, input.fileBytes, input.limitBytes) : null;
    if (!size?.overLimit || !input.fileBytes) {
      patches.push(p);
      continue;
    }
    const parts = splitPatch(p, changes, input.fileBytes, input.limitBytes, taken);
    if (parts.length > 1) notes.push(`Split "${p.subject}" (${kb(size.bytes)}) along its folders into ${parts.length} patches of at most ${kb(input.limitBytes)} where a folder allows.`);
    patches.push(...parts);
  }

  const rank = new Map(patches.map((p, i) => [p.id, i]));
  const edges = new Map<string, Set<string>>();
  const why = new Map<string, string>();
  let breaks: StepBreak[] = [];
  for (let round = 0; round <= patches.length + 1; round++) {
    breaks = stepBreaks({ ...input, patches });
    let added = false;
    for (const b of breaks) {
      if (b.fixedBy === null) continue;
      const before = (patches[b.fixedBy] as SeriesPatch).id;
      const after = (patches[b.index] as SeriesPatch).id;
      const set = edges.get(before) ?? new Set<string>();
      if (set.has(after)) continue;
      set.add(after);
      edges.set(before, set);
      why.set(`${before}\0${after}`, `${b.reference.from} names ${b.reference.name}`);
      added = true;
    }
    if (!added) break;
    for (const group of cycles(patches.map((p) => p.id), edges)) patches = mergeGroup(patches, group, rank, edges, why, notes);
    patches = orderBy(patches, edges, rank);
  }

  patches = numberParts(patches);
  const subjects = new Map(patches.map((p) => [p.id, p.subject]));
  for (const [key, reason] of why) {
    const [before, after] = key.split('\0') as [string, string];
    if (!subjects.has(before) || !subjects.has(after) || (rank.get(before) ?? 0) < (rank.get(after) ?? 0)) continue;
    notes.push(`Put "${subjects.get(before)}" before "${subjects.get(after)}": ${reason}.`);
  }
  for (const b of breaks) notes.push(`Still breaks at ${describeBreak(b, patches.length)}: no order of the patches satisfies it.`);

  const sizes = input.fileBytes ? patches.map((p) => patchSize(p, input.fileBytes as ReadonlyMap<string, number>, input.limitBytes)) : [];
  for (const s of sizes.filter((x) => x.overLimit)) {
    const subject = subjects.get(s.patchId) ?? s.patchId;
    if (s.patchId === input.keepWhole) notes.push(`"${subject}" adds the whole support in one patch, as chosen: ${kb(s.bytes)} of mail, over the ${kb(input.limitBytes)} limit.`);
    else if (s.hugeFile) notes.push(`"${subject}" is ${kb(s.bytes)}, over the ${kb(input.limitBytes)} limit, and cannot be split: ${s.hugeFile.path} alone is ${kb(s.hugeFile.bytes)}.`);
    else notes.push(`"${subject}" is ${kb(s.bytes)}, over the ${kb(input.limitBytes)} limit: its patches needed each other and were merged.`);
  }
  return { patches, notes: notes.length > MAX_NOTES ? [...notes.slice(0, MAX_NOTES), `And ${notes.length - MAX_NOTES} more.`] : notes, sizes, breaks };
}

/** Makes one patch of `group` (at the best-ranked one's place and id), its constraints carried over. */
function mergeGroup(
  patches: SeriesPatch[],
  group: readonly string[],
  rank: Map<string, number>,
  edges: Map<string, Set<string>>,
  why: ReadonlyMap<string, string>,
  notes: string[],
): SeriesPatch[] {
  const members = patches.filter((p) => group.includes(p.id)).sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  const [keep, ...rest] = members as [SeriesPatch, ...SeriesPatch[]];
  const reasons = [...why].filter(([k]) => group.includes(k.split('\0')[0] as string) && group.includes(k.split('\0')[1] as string)).map(([, r]) => r);
  const merged: SeriesPatch = {
    ...keep,
    files: [...keep.files, ...rest.flatMap((p) => p.files)].sort(),
    description: `${keep.description}\n\nAlso holds ${rest.map((p) => `"${p.subject}"`).join(', ')}: they need each other (${reasons.slice(0, 3).join('; ')}).`,
  };
  notes.push(`Merged ${members.map((p) => `"${p.subject}"`).join(' and ')} into one patch: each needs the other (${reasons.slice(0, 3).join('; ')}).`);
  const gone = new Set(rest.map((p) => p.id));
  const remapped = new Map<string, Set<string>>();
  for (const [from, tos] of edges) {
    const source = gone.has(from) ? keep.id : from;
    const set = remapped.get(source) ?? new Set<string>();
    for (const t of tos) {
      const to = gone.has(t) ? keep.id : t;
      if (to !== source) set.add(to);
    }
    remapped.set(source, set);
  }
  edges.clear();
  for (const [from, tos] of remapped) edges.set(from, tos);
  return patches.filter((p) => !gone.has(p.id)).map((p) => (p.id === keep.id ? merged : p));
}

/**
 * The seed's shape: every patch that only adds files becomes one final patch adding the whole
 * support (kept whole by the size limit, which then only reports its size). Null when none adds.
 */
export function withWholeSupport(patches: readonly SeriesPatch[], changes: readonly ChangedFile[], subject: (files: readonly ChangedFile[]) => string): { patches: SeriesPatch[]; whole: string | null } {
  const status = new Map(changes.map((c) => [c.path, c]));
  const adding = patches.filter((p) => p.files.every((f) => status.get(f)?.status === 'A'));
  if (adding.length === 0) return { patches: [...patches], whole: null };
  const [last] = adding.slice(-1) as [SeriesPatch];
  const files = adding.flatMap((p) => p.files).sort();
  const whole: SeriesPatch = {
    ...last,
    subject: subject(files.map((f) => status.get(f) as ChangedFile)),
    description: `The new support in one patch (${files.length} files), as chosen for this series.\n\n${adding.map((p) => `- ${p.subject}`).join('\n')}`,
    files,
  };
  return { patches: [...patches.filter((p) => !adding.includes(p)), whole], whole: whole.id };
}

const PART = /^(.*) \(part \d+ of (\d+)\)$/;

/** A split patch's parts numbered in the order they ended up in, which their needs may have changed. */
function numberParts(patches: readonly SeriesPatch[]): SeriesPatch[] {
  const seen = new Map<string, number>();
  return patches.map((p) => {
    const m = PART.exec(p.subject);
    if (!m) return p;
    const n = (seen.get(m[1] as string) ?? 0) + 1;
    seen.set(m[1] as string, n);
    return { ...p, subject: `${m[1]} (part ${n} of ${m[2]})` };
  });
}
