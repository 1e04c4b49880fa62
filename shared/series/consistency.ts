/**
 * Does the tree hold together after every patch of a series? Without a compiler: every
 * reference (./references.ts) that a file holds at a step must resolve at that step, as long as
 * it resolves where its text comes from (the final tree for the fork's text, upstream for
 * upstream's). What is dangling in the final tree too is the fork's own business.
 *
 * A step is "after patch k" (k = -1 is upstream). A changed file has upstream's text before its
 * patch and the target's from it on; a file the series adds exists from its patch on, a file it
 * removes until its patch; a folder exists while any file under it does.
 */
import type { ChangedFile } from './changes';
import type { Reference } from './references';

export interface ConsistencyInput {
  /** Patch files in series order (only their files matter here). */
  patches: readonly { files: readonly string[] }[];
  changes: readonly ChangedFile[];
  /** Every file of the upstream tree. */
  baseFiles: Iterable<string>;
  /** The references in each changed file's upstream text and target text. */
  references: ReadonlyMap<string, { base: readonly Reference[]; target: readonly Reference[] }>;
}

export interface StepBreak {
  /** 0-based index of the first patch after which the reference does not resolve. */
  index: number;
  reference: Reference;
  /** Whether the reference is in upstream's text of its file (then a patch removed what it names). */
  fromBase: boolean;
  /** The patch (0-based) after which it holds again: the one adding what it names, or changing its file. */
  fixedBy: number | null;
  /** Whether that patch holds because it changes the file itself (an upstream reference it drops). */
  fixedByOwnPatch: boolean;
  /** The patch (0-based) that removed what an upstream reference names, if one did. */
  removedBy: number | null;
}

const ancestors = (p: string): string[] => {
  const out: string[] = [];
  for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) out.push(p.slice(0, i));
  return out;
};

const NEVER = Number.POSITIVE_INFINITY;

/** Where each path is and is not, at each step of one order of the patches. */
export class SeriesSteps {
  readonly last: number;
  private readonly patchOf = new Map<string, number>();
  private readonly status = new Map<string, ChangedFile['status']>();
  private readonly baseFiles: Set<string>;
  /** Folders with an upstream file that no patch removes: they exist at every step. */
  private readonly stableDirs = new Set<string>();
  private readonly firstAdd = new Map<string, number>();
  private readonly lastRemoval = new Map<string, number>();

  constructor(input: Pick<ConsistencyInput, 'patches' | 'changes' | 'baseFiles'>) {
    this.last = input.patches.length - 1;
    input.patches.forEach((p, i) => p.files.forEach((f) => this.patchOf.set(f, i)));
    for (const c of input.changes) this.status.set(c.path, c.status);
    this.baseFiles = new Set(input.baseFiles);
    for (const f of this.baseFiles) {
      if (this.status.get(f) === 'D') continue;
      for (const d of ancestors(f)) this.stableDirs.add(d);
    }
    for (const c of input.changes) {
      const at = this.patchAt(c.path);
      for (const d of ancestors(c.path)) {
        if (c.status === 'A') this.firstAdd.set(d, Math.min(this.firstAdd.get(d) ?? NEVER, at));
        if (c.status === 'D') this.lastRemoval.set(d, Math.max(this.lastRemoval.get(d) ?? -1, at));
      }
    }
  }

  /** The patch carrying a changed file; a file in no patch is never applied. */
  patchAt(path: string): number {
    return this.patchOf.get(path) ?? NEVER;
  }

  statusOf(path: string): ChangedFile['status'] | null {
    return this.status.get(path) ?? null;
  }

  fileAt(path: string, step: number): boolean {
    const s = this.status.get(path);
    if (s === 'A') return this.patchAt(path) <= step;
    if (s === 'D') return this.patchAt(path) > step;
    return s !== undefined || this.baseFiles.has(path);
  }

  dirAt(dir: string, step: number): boolean {
    return this.stableDirs.has(dir) || (this.firstAdd.get(dir) ?? NEVER) <= step || (this.lastRemoval.get(dir) ?? -1) > step;
  }

  /** Whether any path the reference names exists after patch `step`. */
  resolves(ref: Reference, step: number): boolean {
    return ref.candidates.some((c) => (c.endsWith('/') ? this.dirAt(c.slice(0, -1), step) : this.fileAt(c, step)));
  }

  /** Whether the reference resolves at every step whatever the order (it names a file no patch adds or removes). */
  always(ref: Reference): boolean {
    return ref.candidates.some((c) => {
      if (c.endsWith('/')) return this.stableDirs.has(c.slice(0, -1));
      const s = this.status.get(c);
      return s === 'M' || s === 'T' || (s === undefined && this.baseFiles.has(c));
    });
  }

  /** The patch that last removed what the reference names, by `step`. */
  removerOf(ref: Reference, step: number): number | null {
    let found: number | null = null;
    for (const c of ref.candidates) {
      const at = c.endsWith('/') ? (this.lastRemoval.get(c.slice(0, -1)) ?? -1) : this.status.get(c) === 'D' ? this.patchAt(c) : -1;
      if (at >= 0 && at <= step && (found === null || at > found)) found = at;
    }
    return found;
  }
}

/** Every reference that is held against the series, with the steps at which its text is in the tree. */
function heldReferences(input: ConsistencyInput, steps: SeriesSteps): { ref: Reference; fromBase: boolean; first: number; end: number }[] {
  const held: { ref: Reference; fromBase: boolean; first: number; end: number }[] = [];
  for (const [path, refs] of input.references) {
    const at = steps.patchAt(path);
    const status = steps.statusOf(path);
    if (status !== 'A') {
      // Upstream's text, from upstream until the file's own patch; held where upstream resolves it.
      for (const ref of refs.base) if (steps.resolves(ref, -1)) held.push({ ref, fromBase: true, first: 0, end: Math.min(at, steps.last + 1) });
    }
    if (status !== 'D' && at !== NEVER) {
      for (const ref of refs.target) if (steps.resolves(ref, steps.last)) held.push({ ref, fromBase: false, first: at, end: steps.last + 1 });
    }
  }
  return held;
}

/** Every reference that breaks at some step, each at the first step it breaks, in step order. */
export function stepBreaks(input: ConsistencyInput, limit = NEVER): StepBreak[] {
  const steps = new SeriesSteps(input);
  const breaks: StepBreak[] = [];
  for (const { ref, fromBase, first, end } of heldReferences(input, steps)) {
    if (steps.always(ref)) continue;
    for (let k = first; k < end; k++) {
      if (steps.resolves(ref, k)) continue;
      let fixedBy: number | null = null;
      for (let m = k + 1; m <= steps.last; m++) {
        if (m >= end || steps.resolves(ref, m)) {
          fixedBy = m;
          break;
        }
      }
      const fixedByOwnPatch = fixedBy !== null && fixedBy >= end;
      breaks.push({ index: k, reference: ref, fromBase, fixedBy, fixedByOwnPatch, removedBy: fromBase ? steps.removerOf(ref, k) : null });
      break;
    }
    if (breaks.length >= limit) break;
  }
  return breaks.sort((a, b) => a.index - b.index || (a.reference.from < b.reference.from ? -1 : a.reference.from > b.reference.from ? 1 : a.reference.line - b.reference.line));
}

/** "patch 7 of 31: arch/i386/xen/Makefile names kernel/, added by patch 8" */
export function describeBreak(b: StepBreak, total: number): string {
  const where = `patch ${b.index + 1} of ${total}`;
  const { from, name, line } = b.reference;
  if (b.fromBase) {
    const removed = b.removedBy !== null ? `, removed by patch ${b.removedBy + 1}` : ', which is missing here';
    const until = b.fixedBy === null ? '' : b.fixedByOwnPatch ? ` until patch ${b.fixedBy + 1} changes it` : `, until patch ${b.fixedBy + 1} adds it again`;
    return `${where}: ${from} (line ${line}) still names ${name}${removed}${until}`;
  }
  const fix = b.fixedBy !== null ? `, added by patch ${b.fixedBy + 1}` : ', which is missing here';
  return `${where}: ${from} (line ${line}) names ${name}${fix}`;
}
