/**
 * Applies one plan change to a plan: pure and immutable (only changed records are new
 * objects), so the board, the store's validation and the fold all share one set of rules.
 * A change that would break the plan's invariants (every file in at most one subsystem,
 * owners are known people, names are unique) is refused with a message saying why.
 */
import { CARD_STATES, type Person, type Plan, type Subsystem } from '../model';
import { checkRepoPath, normaliseDir } from '../paths';
import { fail, ok, type Result } from '../result';
import type { BoardChange, PlanChange } from './events';
import { applyExtensionChange } from './apply-extensions';
import { detailOf, withDetail } from '../card/fold';

type Change<T extends BoardChange['type']> = Extract<BoardChange, { type: T }>;

export function applyChange(plan: Plan, change: PlanChange): Result<Plan> {
  switch (change.type) {
    case 'sprint.init':
      return initSprint(plan, change);
    case 'person.put':
      return putPerson(plan, change);
    case 'person.remove':
      return removePerson(plan, change);
    case 'subsystems.replace':
      return replaceSubsystems(plan, change);
    case 'subsystems.put':
      return putSubsystems(plan, change);
    case 'subsystem.rename':
      return renameSubsystem(plan, change);
    case 'subsystem.merge':
      return mergeSubsystems(plan, change);
    case 'subsystem.split':
      return splitSubsystem(plan, change);
    case 'file.move':
      return moveFile(plan, change);
    case 'card.assign':
    case 'card.state':
    case 'card.block':
      return updateCard(plan, change);
    case 'card.reorder':
      return reorderCards(plan, change);
    default:
      return applyExtensionChange(plan, change);
  }
}

/**
 * Record maps a fold created itself and may update in place. Copying a map of thousands of
 * subsystems for every card event made folding a long log quadratic; inside `foldTransiently`
 * the frequent card changes copy the map once and then write into that copy, which nothing
 * outside the fold can see. Outside a fold (the store's checks, the board) every change copies.
 */
let transient: WeakSet<object> | null = null;

export function foldTransiently<T>(run: () => T): T {
  const outer = transient;
  transient = new WeakSet();
  try {
    return run();
  } finally {
    transient = outer;
  }
}

/** The plan with one subsystem record replaced (after every check has passed). */
function withSubsystem(plan: Plan, record: Subsystem): Plan {
  if (transient?.has(plan.subsystems)) {
    plan.subsystems[record.id] = record;
    return { ...plan };
  }
  const subsystems = { ...plan.subsystems, [record.id]: record };
  transient?.add(subsystems);
  return { ...plan, subsystems };
}

const refuse = (message: string) => fail('refused', message);
const unknownSubsystem = (id: string) =>
  fail('not-found', `There is no subsystem with id "${id}": it may have been removed or merged meanwhile; reload the board.`);
const unknownPerson = (id: string) =>
  fail('not-found', `There is no person with id "${id}": add the person first, or reload the board if someone removed them.`);

function initSprint(plan: Plan, change: Change<'sprint.init'>): Result<Plan> {
  for (const [what, ref] of [['upstream ref', change.upstreamRef], ['fork ref', change.forkRef]] as const) {
    if (ref.trim() === '' || ref.startsWith('-')) return refuse(`The ${what} "${ref}" is not a revision name: name a branch, tag or commit.`);
  }
  const seen = new Set<string>();
  const pairings = [];
  for (const p of change.pairings) {
    const problem = checkRepoPath(p.fork, 'fork folder') ?? checkRepoPath(p.upstream, 'upstream folder');
    if (problem) return refuse(problem);
    const pairing = { fork: normaliseDir(p.fork), upstream: normaliseDir(p.upstream) };
    if (seen.has(pairing.fork)) return refuse(`The fork folder "${pairing.fork}" is paired twice: pair each fork folder with one upstream folder.`);
    seen.add(pairing.fork);
    pairings.push(pairing);
  }
  return ok({ ...plan, sprint: { upstreamRef: change.upstreamRef, forkRef: change.forkRef, pairings } });
}

const nameKey = (name: string): string => name.trim().toLowerCase();

function putPerson(plan: Plan, change: Change<'person.put'>): Result<Plan> {
  const person: Person = { ...change.person, name: change.person.name.trim() };
  if (person.name === '') return refuse('A person needs a name.');
  if (!/^#[0-9a-fA-F]{6}$/.test(person.color)) return refuse(`The colour "${person.color}" is not of the form #rrggbb.`);
  const clash = Object.values(plan.people).find((p) => p.id !== person.id && nameKey(p.name) === nameKey(person.name));
  if (clash) return refuse(`"${clash.name}" is on the board already: give each person a different name, since the board and the command line name people by name.`);
  const isNew = !(person.id in plan.people);
  const people = { ...plan.people, [person.id]: person };
  let personOrder = isNew ? [...plan.personOrder, person.id] : plan.personOrder;
  if (change.order) {
    const problem = checkPermutation(change.order, personOrder, 'person order');
    if (problem) return refuse(problem);
    personOrder = [...change.order];
  }
  let subsystems = plan.subsystems;
  if (change.assign && change.assign.length > 0) {
    subsystems = { ...plan.subsystems };
    for (const id of change.assign) {
      const s = subsystems[id];
      if (!s) return unknownSubsystem(id);
      subsystems[id] = { ...s, owner: person.id };
    }
  }
  let next: Plan = { ...plan, people, personOrder, subsystems };
  for (const id of change.review ?? []) {
    const s = subsystems[id];
    if (!s) return unknownSubsystem(id);
    if (s.owner === person.id) return refuse(`${person.name} owns "${s.name}": a card is reviewed by someone other than its owner.`);
    next = withDetail(next, id, { ...detailOf(next, id), reviewer: person.id });
  }
  return ok(next);
}

/** Their cards go back to Unassigned with their states kept, and the cards they review have no reviewer. */
function removePerson(plan: Plan, change: Change<'person.remove'>): Result<Plan> {
  if (!(change.personId in plan.people)) return unknownPerson(change.personId);
  const { [change.personId]: _removed, ...people } = plan.people;
  let subsystems = plan.subsystems;
  for (const s of Object.values(plan.subsystems)) {
    if (s.owner !== change.personId) continue;
    if (subsystems === plan.subsystems) subsystems = { ...plan.subsystems };
    subsystems[s.id] = { ...s, owner: null };
  }
  // The cards they review keep no reviewer that the board could not name.
  let next: Plan = { ...plan, people, personOrder: plan.personOrder.filter((id) => id !== change.personId), subsystems };
  for (const [id, detail] of Object.entries(plan.cards)) {
    if (detail.reviewer === change.personId) next = withDetail(next, id, { ...detail, reviewer: null });
  }
  return ok(next);
}

/** Checks records about to enter the plan: known owners, valid states, no file listed twice. */
function checkRecords(plan: Plan, records: Subsystem[]): string | null {
  for (const s of records) {
    if (s.name.trim() === '') return `The subsystem "${s.id}" has no name: give it one.`;
    if (s.owner !== null && !(s.owner in plan.people)) return `The subsystem "${s.name}" is owned by "${s.owner}", who is not on the board: add the person first.`;
    if (!CARD_STATES.includes(s.state)) return `The subsystem "${s.name}" has the unknown state "${s.state}".`;
    const files = new Set<string>();
    for (const f of s.files) {
      if (files.has(f)) return `The subsystem "${s.name}" lists "${f}" twice.`;
      files.add(f);
    }
  }
  return null;
}

/** The first file held by two subsystems, or the first name used twice, as a message. */
function checkInvariants(subsystems: Record<string, Subsystem>, order: string[]): string | null {
  const holder = new Map<string, Subsystem>();
  const names = new Map<string, Subsystem>();
  for (const id of order) {
    const s = subsystems[id] as Subsystem;
    const sameName = names.get(nameKey(s.name));
    if (sameName) return `Two subsystems would be named "${s.name}": give each subsystem a different name.`;
    names.set(nameKey(s.name), s);
    for (const f of s.files) {
      const other = holder.get(f);
      if (other) return `"${f}" would be in both "${other.name}" and "${s.name}": every file belongs to one subsystem; move it instead.`;
      holder.set(f, s);
    }
  }
  return null;
}

/** Null when `order` lists exactly the ids of `expected` once each, else what is wrong. */
function checkPermutation(order: string[], expected: string[], what: string): string | null {
  const want = new Set(expected);
  const seen = new Set<string>();
  for (const id of order) {
    if (!want.has(id)) return `The ${what} names "${id}", which is not there.`;
    if (seen.has(id)) return `The ${what} names "${id}" twice.`;
    seen.add(id);
  }
  const missing = expected.find((id) => !seen.has(id));
  return missing === undefined ? null : `The ${what} leaves out "${missing}": list every one.`;
}

function finish(plan: Plan, subsystems: Record<string, Subsystem>, subsystemOrder: string[]): Result<Plan> {
  const problem = checkInvariants(subsystems, subsystemOrder);
  return problem ? fail('conflict', problem) : ok({ ...plan, subsystems, subsystemOrder });
}

function replaceSubsystems(plan: Plan, change: Change<'subsystems.replace'>): Result<Plan> {
  const problem = checkRecords(plan, change.subsystems);
  if (problem) return refuse(problem);
  const subsystems: Record<string, Subsystem> = {};
  for (const s of change.subsystems) {
    if (s.id in subsystems) return refuse(`Two subsystems have the id "${s.id}".`);
    subsystems[s.id] = s;
  }
  return finish(plan, subsystems, change.subsystems.map((s) => s.id));
}

function putSubsystems(plan: Plan, change: Change<'subsystems.put'>): Result<Plan> {
  const problem = checkRecords(plan, change.subsystems);
  if (problem) return refuse(problem);
  const subsystems = { ...plan.subsystems };
  const put = new Set<string>();
  for (const s of change.subsystems) {
    if (put.has(s.id)) return refuse(`The change lists the subsystem "${s.id}" twice.`);
    put.add(s.id);
    subsystems[s.id] = s;
  }
  const removed = new Set<string>();
  for (const id of change.remove) {
    if (put.has(id)) return refuse(`The change both updates and removes the subsystem "${id}".`);
    if (!(id in plan.subsystems)) return unknownSubsystem(id);
    removed.add(id);
    delete subsystems[id];
  }
  const kept = plan.subsystemOrder.filter((id) => !removed.has(id));
  const added = change.subsystems.filter((s) => !(s.id in plan.subsystems)).map((s) => s.id);
  let order = [...kept, ...added];
  if (change.order) {
    const bad = checkPermutation(change.order, order, 'subsystem order');
    if (bad) return refuse(bad);
    order = [...change.order];
  }
  return finish(plan, subsystems, order);
}

function renameSubsystem(plan: Plan, change: Change<'subsystem.rename'>): Result<Plan> {
  const s = plan.subsystems[change.subsystemId];
  if (!s) return unknownSubsystem(change.subsystemId);
  const name = change.name.trim();
  if (name === '') return refuse('A subsystem needs a name.');
  const clash = Object.values(plan.subsystems).find((o) => o.id !== s.id && nameKey(o.name) === nameKey(name));
  if (clash) return refuse(`There is a subsystem named "${clash.name}" already: choose another name.`);
  return ok(withSubsystem(plan, { ...s, name }));
}

function mergeSubsystems(plan: Plan, change: Change<'subsystem.merge'>): Result<Plan> {
  const ids = change.subsystemIds;
  if (new Set(ids).size !== ids.length) return refuse('The merge names a subsystem twice.');
  if (ids.length < 2) return refuse('A merge needs at least two subsystems.');
  for (const id of ids) if (!(id in plan.subsystems)) return unknownSubsystem(id);
  if (!ids.includes(change.into)) return refuse(`The merge goes into "${change.into}", which is not one of the merged subsystems: merge into one of them.`);
  const into = plan.subsystems[change.into] as Subsystem;
  const others = ids.filter((id) => id !== change.into).map((id) => plan.subsystems[id] as Subsystem);
  const merged: Subsystem = { ...into, files: [...into.files, ...others.flatMap((o) => o.files)], source: { kind: 'manual' } };
  const gone = new Set(others.map((o) => o.id));
  const subsystems = { ...plan.subsystems, [into.id]: merged };
  for (const id of gone) delete subsystems[id];
  return finish(plan, subsystems, plan.subsystemOrder.filter((id) => !gone.has(id)));
}

function splitSubsystem(plan: Plan, change: Change<'subsystem.split'>): Result<Plan> {
  const s = plan.subsystems[change.subsystemId];
  if (!s) return unknownSubsystem(change.subsystemId);
  if (change.newId in plan.subsystems) return refuse(`There is a subsystem with id "${change.newId}" already: the split needs a new id.`);
  if (change.files.length === 0) return refuse(`Pick the files of "${s.name}" that go to the new subsystem.`);
  const taken = new Set(change.files);
  if (taken.size !== change.files.length) return refuse('The split lists a file twice.');
  const own = new Set(s.files);
  const foreign = change.files.filter((f) => !own.has(f));
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).map((f) => `"${f}"`).join(', ');
    return refuse(`${shown}${foreign.length > 3 ? ` and ${foreign.length - 3} more` : ''} ${foreign.length === 1 ? 'is' : 'are'} not in "${s.name}": a split only takes the subsystem's own files.`);
  }
  if (taken.size === s.files.length) return refuse(`The split takes every file of "${s.name}": rename it instead.`);
  const created: Subsystem = {
    id: change.newId,
    name: change.name.trim(),
    files: s.files.filter((f) => taken.has(f)),
    source: { kind: 'manual' },
    owner: s.owner,
    state: s.state,
    blocked: null,
  };
  const rest: Subsystem = { ...s, files: s.files.filter((f) => !taken.has(f)) };
  const order = plan.subsystemOrder.flatMap((id) => (id === s.id ? [id, created.id] : [id]));
  return finish(plan, { ...plan.subsystems, [s.id]: rest, [created.id]: created }, order);
}

function moveFile(plan: Plan, change: Change<'file.move'>): Result<Plan> {
  const to = plan.subsystems[change.to];
  if (!to) return unknownSubsystem(change.to);
  const from = Object.values(plan.subsystems).find((s) => s.files.includes(change.path));
  if (from?.id === to.id) return refuse(`"${change.path}" is in "${to.name}" already.`);
  const subsystems = { ...plan.subsystems, [to.id]: { ...to, files: [...to.files, change.path] } };
  if (from) subsystems[from.id] = { ...from, files: from.files.filter((f) => f !== change.path) };
  return finish(plan, subsystems, plan.subsystemOrder);
}

function updateCard(plan: Plan, change: Change<'card.assign' | 'card.state' | 'card.block'>): Result<Plan> {
  const s = plan.subsystems[change.subsystemId];
  if (!s) return unknownSubsystem(change.subsystemId);
  let next: Subsystem;
  if (change.type === 'card.assign') {
    if (change.owner !== null && !(change.owner in plan.people)) return unknownPerson(change.owner);
    next = { ...s, owner: change.owner };
  } else if (change.type === 'card.state') {
    if (!CARD_STATES.includes(change.state)) return refuse(`"${change.state}" is not a card state: use one of ${CARD_STATES.join(', ')}.`);
    next = { ...s, state: change.state };
  } else {
    const reason = change.reason === null ? null : change.reason.trim();
    if (reason === '') return refuse('Say why the card is blocked.');
    next = { ...s, blocked: reason };
  }
  return ok(withSubsystem(plan, next));
}

/**
 * The listed cards take the order given; cards the list leaves out (added meanwhile, for
 * example on another laptop) keep their relative order after them.
 */
function reorderCards(plan: Plan, change: Change<'card.reorder'>): Result<Plan> {
  const seen = new Set<string>();
  for (const id of change.order) {
    if (!(id in plan.subsystems)) return unknownSubsystem(id);
    if (seen.has(id)) return refuse(`The order names "${id}" twice.`);
    seen.add(id);
  }
  return ok({ ...plan, subsystemOrder: [...change.order, ...plan.subsystemOrder.filter((id) => !seen.has(id))] });
}
