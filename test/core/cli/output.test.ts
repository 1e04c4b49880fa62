/** The plan as `merge-sprint plan --json` prints it: people by name, and a person the plan no longer knows as unknown. */
import { describe, expect, it } from 'vitest';
import { planJson } from '../../../electron/core/cli/output';
import { emptyPlan, type Plan, type Subsystem } from '../../../shared/model';

const card = (id: string, owner: string | null): Subsystem => ({ id, name: `drivers/${id}`, files: [`drivers/${id}/a.c`], source: { kind: 'folder', folder: `drivers/${id}` }, owner, state: 'Review', blocked: null });

function plan(): Plan {
  const p = emptyPlan();
  p.people = { ada: { id: 'ada', name: 'Ada', email: 'ada@example.org', color: '#1f6feb' } };
  p.personOrder = ['ada'];
  p.subsystems = { net: card('net', 'ada'), xen: card('xen', 'keir'), mm: card('mm', null) };
  p.subsystemOrder = ['net', 'xen', 'mm'];
  p.cards = { net: { notes: '', checklist: [], reviewer: 'keir' }, xen: { notes: '', checklist: [], reviewer: 'ada' } };
  return p;
}

type Printed = { subsystems: { id: string; owner: string | null; reviewer: string | null }[] };

describe('planJson', () => {
  it('names owners and reviewers, and an id the plan does not know as an unknown person, not as nobody', () => {
    const printed = planJson({ plan: plan(), activity: [] }) as Printed;
    const byId = Object.fromEntries(printed.subsystems.map((s) => [s.id, s]));
    expect(byId.net).toMatchObject({ owner: 'Ada', reviewer: 'unknown person (keir)' });
    expect(byId.xen).toMatchObject({ owner: 'unknown person (keir)', reviewer: 'Ada' });
    expect(byId.mm).toMatchObject({ owner: null, reviewer: null });
  });
});
