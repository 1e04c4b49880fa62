/**
 * The week at a glance: changed lines still to land and cards per state per day of the sprint
 * (from the plan's event log and the inventory, computed in the core), drawn with Recharts, and
 * each person's load with their work-in-progress limit.
 */
import { useEffect, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CARD_STATES } from '../../../../shared/model';
import { linesCounter } from '../../../../shared/team/lines';
import { personLoads } from '../../../../shared/team/load';
import { sprintStore, useSprint } from '../../store';
import { formatCount } from '../common/format';
import './team.css';

const STATE_COLORS: Record<string, string> = {
  Backlog: 'var(--state-backlog)',
  'In progress': 'var(--state-progress)',
  Review: 'var(--state-review)',
  Done: 'var(--state-done)',
};

function LoadTable() {
  const plan = useSprint((s) => s.plan);
  const inventory = useSprint((s) => s.inventory);
  const loads = useMemo(() => personLoads(plan, linesCounter(inventory)), [plan, inventory]);
  if (loads.length === 0) return <p className="muted">Nobody is on the board yet: add people in the People view.</p>;
  return (
    <table className="load-table" data-testid="load-table">
      <thead>
        <tr>
          <th>Person</th>
          <th>Changed lines to land</th>
          <th>In progress</th>
          <th>Limit</th>
        </tr>
      </thead>
      <tbody>
        {loads.map((l) => (
          <tr key={l.personId} className={l.over ? 'column-wip-over' : undefined}>
            <td>{plan.people[l.personId]?.name ?? l.personId}</td>
            <td className="num">{formatCount(l.lines)}</td>
            <td className="num">{formatCount(l.inProgress)}</td>
            <td className="num">{l.limit === null ? 'none' : `${formatCount(l.limit)}${l.over ? ' (over)' : ''}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BurndownView() {
  const burndown = useSprint((s) => s.burndown);
  const error = useSprint((s) => s.burndownError);
  const started = useSprint((s) => s.plan.sprint !== null);
  useEffect(() => sprintStore.getState().watchBurndown(), []);
  // The load table counts lines from the inventory the board has.
  useEffect(() => {
    const st = sprintStore.getState();
    if (st.inventory === null && started) void st.loadInventory();
  }, [started]);
  const days = useMemo(() => (burndown?.days ?? []).map((d) => ({ day: d.day.slice(5), lines: d.linesToLand, blocked: d.blocked, ...d.cards })), [burndown]);
  if (!started) return <p className="muted pad">Start the sprint first (Setup): the burndown is drawn from the plan's changes.</p>;
  return (
    <div className="burndown-view" data-testid="burndown-view">
      {error && <p className="error-text" role="alert">{error}</p>}
      {burndown?.problem && <p className="notice-inline">{burndown.problem}</p>}
      {burndown?.cut && <p className="muted">The sprint is longer than the chart: it shows the last {burndown.days.length} days.</p>}
      <section className="burndown-chart" aria-label="Changed lines still to land per day" data-testid="burndown-lines">
        <h2>Changed lines still to land</h2>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={days} margin={{ top: 8, right: 24, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis dataKey="day" stroke="var(--muted)" />
            <YAxis stroke="var(--muted)" tickFormatter={(n: number) => formatCount(n)} />
            <Tooltip formatter={(n) => formatCount(Number(n))} />
            <Line type="monotone" dataKey="lines" name="Changed lines" stroke="var(--accent)" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </section>
      <section className="burndown-chart" aria-label="Cards per state per day" data-testid="burndown-cards">
        <h2>Cards per state</h2>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={days} margin={{ top: 8, right: 24, bottom: 0, left: 8 }} maxBarSize={64}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis dataKey="day" stroke="var(--muted)" />
            <YAxis allowDecimals={false} stroke="var(--muted)" />
            <Tooltip />
            {/* The board's column order, not the alphabet. */}
            <Legend itemSorter={null} />
            {CARD_STATES.map((state) => (
              <Bar key={state} dataKey={state} stackId="cards" fill={STATE_COLORS[state]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </section>
      <section aria-label="Load per person">
        <h2 className="panel-title">Load per person</h2>
        <LoadTable />
      </section>
    </div>
  );
}
