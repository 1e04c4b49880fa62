/**
 * A state column's work-in-progress limit: how many cards it holds against the limit, a warning
 * past it (in the style of a person's limit), and the field that sets it for the whole team.
 */
import { useShallow } from 'zustand/react/shallow';
import type { CardState } from '../../../../shared/model';
import { columnLoad, describeColumnLimit } from '../../../../shared/team/load';
import { MAX_COLUMN_LIMIT } from '../../../../shared/team/schema';
import { sprintStore, useSprint } from '../../store';
import { stateSlug } from '../../store/selectors';
import { formatCount } from '../common/format';

export function ColumnLimit({ state }: { state: CardState }) {
  const [count, limit] = useSprint(useShallow((s) => {
    const load = columnLoad(s.plan, state);
    return [load.count, load.limit] as const;
  }));
  const warning = describeColumnLimit(state, count, limit);
  const set = (text: string) => {
    const n = text.trim() === '' ? null : Math.trunc(Number(text));
    if (n !== null && (!Number.isFinite(n) || n < 1 || n > MAX_COLUMN_LIMIT)) {
      sprintStore.getState().notify('error', `A column's limit is a whole number from 1 to ${MAX_COLUMN_LIMIT}, or empty for no limit; "${text}" is not.`);
      return;
    }
    if (n !== limit) void sprintStore.getState().applyLocal({ type: 'state.wipLimit', state, limit: n });
  };
  const slug = stateSlug(state);
  return (
    <div className={`column-wip${warning ? ' column-wip-over' : ''}`} data-testid={`column-limit-${slug}`} role={warning ? 'status' : undefined} title={warning ?? undefined}>
      <span>{limit === null ? 'Limit' : `${formatCount(count)} of at most ${formatCount(limit)}`}</span>
      {warning && <span className="visually-hidden">: {warning}</span>}
      <label className="column-limit-field">
        <span className="visually-hidden">Limit of cards in {state}</span>
        <input
          key={limit ?? 'none'}
          type="number"
          min={1}
          max={MAX_COLUMN_LIMIT}
          className="input-narrow"
          defaultValue={limit ?? ''}
          placeholder="none"
          onBlur={(e) => set(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') set(e.currentTarget.value);
          }}
          data-testid={`column-limit-input-${slug}`}
        />
      </label>
    </div>
  );
}
