/**
 * Which rename rules each card lies under, with the rule's phase and, for a copied rule, how many
 * files drift apart. One computation for the whole board, memoised on the records it reads;
 * each card selects its own list, which keeps its identity while nothing about it changes.
 */
import type { Plan, Subsystem } from '../../../shared/model';
import { rulesCovering } from '../../../shared/rename/board';
import type { RenamePhase, RenameRule } from '../../../shared/rename/model';
import { memoByIdentity } from './memo';
import type { SprintState } from './types';

export interface CardRename {
  ruleId: string;
  from: string;
  to: string;
  phase: Exclude<RenamePhase, 'abandoned'>;
  /** Files drifting apart, for a copied rule whose drift is known; else null. */
  drift: number | null;
}

const NONE: CardRename[] = [];

const activeRules = memoByIdentity((renames: Plan['renames'], order: string[]): RenameRule[] =>
  order.map((id) => renames[id]).filter((r): r is RenameRule => r !== undefined && r.phase !== 'abandoned'),
);

/** Rules covering a subsystem, per record: a drag changes one record, so one card is looked at again. */
let covering = new WeakMap<Subsystem, RenameRule[]>();
let coveringFor: RenameRule[] | null = null;

function rulesOf(sub: Subsystem, rules: RenameRule[]): RenameRule[] {
  if (coveringFor !== rules) {
    covering = new WeakMap();
    coveringFor = rules;
  }
  let found = covering.get(sub);
  if (!found) covering.set(sub, (found = rulesCovering(sub.files, rules)));
  return found;
}

const sameList = (a: CardRename[], b: CardRename[]): boolean =>
  a.length === b.length && a.every((x, i) => {
    const y = b[i] as CardRename;
    return x.ruleId === y.ruleId && x.phase === y.phase && x.drift === y.drift && x.from === y.from && x.to === y.to;
  });

let last: Record<string, CardRename[]> = {};
const cardRenames = memoByIdentity((subsystems: Plan['subsystems'], rules: RenameRule[], drift: SprintState['renameDrift']): Record<string, CardRename[]> => {
  const out: Record<string, CardRename[]> = {};
  if (rules.length > 0) {
    for (const [id, sub] of Object.entries(subsystems)) {
      const under = rulesOf(sub, rules);
      if (under.length === 0) continue;
      const list = under.map((r): CardRename => ({
        ruleId: r.id,
        from: r.from,
        to: r.to,
        phase: r.phase as CardRename['phase'],
        drift: r.phase === 'copied' ? (drift[r.id]?.length ?? null) : null,
      }));
      const prev = last[id];
      out[id] = prev && sameList(prev, list) ? prev : list;
    }
  }
  last = out;
  return out;
});

export const selectCardRenames = (s: SprintState): Record<string, CardRename[]> =>
  cardRenames(s.plan.subsystems, activeRules(s.plan.renames, s.plan.renameOrder), s.renameDrift);

/** The rules a card lies under (the same array while nothing about them changes). */
export const renamesOf = (s: SprintState, id: string): CardRename[] => selectCardRenames(s)[id] ?? NONE;

/** A card's rules in words, for its label and tooltip: "arch/xen/i386 → arch/i386/xen copied, 2 files drift apart". */
export function describeCardRename(r: CardRename): string {
  const drift = r.drift === null ? '' : r.drift === 0 ? ', the copies match' : `, ${r.drift} file${r.drift === 1 ? '' : 's'} drift apart`;
  return `${r.from} → ${r.to} ${r.phase}${drift}`;
}
