/**
 * Plan changes in words, for the activity feed ("Ada moved net to In progress") and the undo
 * button's label. Names come from the plan as it is now; a removed record falls back to its id.
 */
import type { Plan } from '../model';
import type { PlanChange, PlanEvent } from './events';

const sub = (plan: Plan, id: string) => plan.subsystems[id]?.name ?? id;
const person = (plan: Plan, id: string | null) => (id === null ? 'nobody' : (plan.people[id]?.name ?? id));
const COUNT = new Intl.NumberFormat('en');
const plural = (n: number, one: string, many = `${one}s`) => `${COUNT.format(n)} ${n === 1 ? one : many}`;
const list = (names: string[]) => (names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`);

/** "moved net, core and 3 more to Review", "assigned net to Ada", or both: "assigned net to Ada and moved it to Review". */
function describeBulk(cards: { subsystemId: string; owner?: string | null; state?: string }[], plan: Plan): string {
  const names = list(cards.map((c) => sub(plan, c.subsystemId)));
  const owners = new Set(cards.filter((c) => c.owner !== undefined).map((c) => c.owner ?? null));
  const states = new Set(cards.flatMap((c) => (c.state ? [c.state] : [])));
  const parts: string[] = [];
  if (owners.size === 1) {
    const [owner] = [...owners];
    parts.push(owner === null || owner === undefined ? `unassigned ${names}` : `assigned ${names} to ${person(plan, owner)}`);
  } else if (owners.size > 1) parts.push(`reassigned ${names}`);
  const them = cards.length === 1 ? 'it' : 'them';
  if (states.size === 1) parts.push(`${parts.length ? `and moved ${them}` : `moved ${names}`} to ${[...states][0]}`);
  else if (states.size > 1) parts.push(`${parts.length ? 'and set their states' : `set the states of ${names}`}`);
  return parts.join(' ');
}

/** What the change does, as a verb phrase without a subject: "moved net to In progress". */
export function describeChange(change: PlanChange, plan: Plan): string {
  switch (change.type) {
    case 'sprint.init':
      return `started the sprint: ${change.forkRef} against ${change.upstreamRef}, ${plural(change.pairings.length, 'pairing')}`;
    case 'person.put':
      return plan.people[change.person.id] ? `updated ${change.person.name}` : `added ${change.person.name}`;
    case 'person.remove':
      return `removed ${person(plan, change.personId)}`;
    case 'subsystems.replace':
      return `replaced the subsystems (${plural(change.subsystems.length, 'subsystem')})`;
    case 'subsystems.put': {
      const names = change.subsystems.map((s) => s.name);
      const removed = change.remove.map((id) => sub(plan, id));
      const parts = [names.length ? `restored ${list(names)}` : '', removed.length ? `removed ${list(removed)}` : ''];
      return parts.filter(Boolean).join(' and ') || 'reordered the subsystems';
    }
    case 'subsystem.rename':
      return plan.subsystems[change.subsystemId] ? `renamed ${sub(plan, change.subsystemId)} to ${change.name}` : `renamed a subsystem to ${change.name}`;
    case 'subsystem.merge':
      return `merged ${list(change.subsystemIds.filter((id) => id !== change.into).map((id) => sub(plan, id)))} into ${sub(plan, change.into)}`;
    case 'subsystem.split':
      return `split ${plural(change.files.length, 'file')} of ${sub(plan, change.subsystemId)} into ${change.name}`;
    case 'file.move':
      return `moved ${change.path} to ${sub(plan, change.to)}`;
    case 'card.assign':
      return change.owner === null ? `unassigned ${sub(plan, change.subsystemId)}` : `assigned ${sub(plan, change.subsystemId)} to ${person(plan, change.owner)}`;
    case 'card.state':
      return `moved ${sub(plan, change.subsystemId)} to ${change.state}`;
    case 'card.block':
      return change.reason === null ? `unblocked ${sub(plan, change.subsystemId)}` : `marked ${sub(plan, change.subsystemId)} blocked: ${change.reason}`;
    case 'card.reorder':
      return 'reordered the board';
    case 'card.branch':
      return change.branch === null ? `took the branch off ${sub(plan, change.subsystemId)}` : `named the branch ${change.branch} on ${sub(plan, change.subsystemId)}`;
    case 'person.wipLimit':
      return change.limit === null
        ? `removed ${person(plan, change.personId)}'s work-in-progress limit`
        : `set ${person(plan, change.personId)}'s work-in-progress limit to ${plural(change.limit, 'card')}`;
    case 'rename.put':
      return `set the rename ${change.rule.from} → ${change.rule.to} (${change.rule.phase})`;
    case 'rename.remove':
      return `removed the rename ${plan.renames[change.ruleId]?.from ?? change.ruleId}`;
    case 'build.put': {
      // The engine writes a build.put for each run's result, and one when a check is added.
      const { name, last } = change.build;
      if (!last) return `added the build check ${name}`;
      return `ran the build check ${name}: ${last.passed ? 'passed' : 'failed'} on ${last.commit.slice(0, 12)}`;
    }
    case 'build.remove':
      return `removed the build check ${plan.builds[change.buildId]?.name ?? change.buildId}`;
    case 'series.propose':
      return `proposed a series of ${plural(change.patches.length, 'patch', 'patches')}`;
    case 'series.patch.put':
      return `edited the patch "${change.patch.subject}"`;
    case 'series.patch.remove':
      return `removed the patch "${plan.series.patches[change.patchId]?.subject ?? change.patchId}"`;
    case 'series.reorder':
      return 'reordered the series';
    case 'series.version':
      return `exported version ${change.version.version} of the series`;
    case 'upstream.move':
      return `moved the sprint to the upstream ${change.upstreamRef} (${change.to.slice(0, 12)})`;
    case 'series.settings':
      return `set the series' patch limit to ${change.maxPatchKb} KB${change.wholeSupport ? ', the new support in one patch' : ''}`;
    case 'maintainers.map':
      return change.bindings.length === 1 && change.bindings[0]
        ? change.bindings[0].folders.length === 0
          ? `unmapped the MAINTAINERS section ${change.bindings[0].section}`
          : `mapped the MAINTAINERS section ${change.bindings[0].section} to ${list(change.bindings[0].folders)}`
        : `mapped ${plural(change.bindings.length, 'MAINTAINERS section')} to folders`;
    case 'series.cover':
      return change.cover ? `wrote the cover letter "${change.cover.subject}"` : 'went back to the cover letter made from the sprint';
    case 'card.signOff':
      return `${change.signed ? 'signed off' : 'withdrew the sign-off on'} ${plan.subsystems[change.subsystemId]?.name ?? change.subsystemId}`;
    case 'state.wipLimit':
      return change.limit === null ? `removed the ${change.state} column's limit` : `set the ${change.state} column's limit to ${plural(change.limit, 'card')}`;
    case 'card.notes':
      return change.notes === '' ? `cleared the notes of ${sub(plan, change.subsystemId)}` : `edited the notes of ${sub(plan, change.subsystemId)}`;
    case 'card.checklist.put':
      return `${change.item.done ? 'ticked' : 'put'} “${change.item.text}” on ${sub(plan, change.subsystemId)}'s checklist`;
    case 'card.checklist.remove':
      return `removed an item from ${sub(plan, change.subsystemId)}'s checklist`;
    case 'card.reviewer':
      return change.reviewer === null ? `took the reviewer off ${sub(plan, change.subsystemId)}` : `asked ${person(plan, change.reviewer)} to review ${sub(plan, change.subsystemId)}`;
    case 'cards.set':
      return describeBulk(change.cards, plan);
    case 'pickup.from':
      return `set the fork's work to pick up from to ${change.ref}`;
    case 'pickup.record':
      return `picked up ${plural(change.picked.length, 'fork commit', 'fork commits')}`;
    default:
      // Events added later by other parts of the plan still read as something.
      return `changed the plan (${(change as { type: string }).type})`;
  }
}

/** "Ada moved net to In progress". */
export const describeEvent = (event: PlanEvent, plan: Plan): string => `${event.by.name} ${describeChange(event, plan)}`;

/**
 * The feed's lines, newest first. A person is "added" by the first event that puts them and
 * "updated" by later ones (the current plan alone cannot tell the two apart).
 */
export function describeActivity(events: readonly PlanEvent[], plan: Plan): string[] {
  const seen = new Set<string>();
  const lines: string[] = new Array<string>(events.length);
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as PlanEvent;
    if (e.type === 'person.put') {
      lines[i] = `${e.by.name} ${seen.has(e.person.id) ? 'updated' : 'added'} ${e.person.name}`;
      seen.add(e.person.id);
    } else lines[i] = describeEvent(e, plan);
  }
  return lines;
}

/** "just now", "2 min ago", "3 h ago", "4 days ago", relative to `now` (ms since the epoch). */
export function timeAgo(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const s = Math.max(0, Math.round((now - then) / 1000));
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  return `${d} ${d === 1 ? 'day' : 'days'} ago`;
}
