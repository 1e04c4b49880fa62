/**
 * The series' numbers and coverage (`series.get`), refetched whenever the plan's series changes
 * (an edit here, a proposal, a change from another board or the command line).
 */
import { useEffect, useState } from 'react';
import type { SeriesState } from '../../../../shared/series/reports';
import { api, useSprint } from '../../store';

export function useSeriesState(): { state: SeriesState | null; error: string | null } {
  const series = useSprint((s) => s.plan.series);
  const [state, setState] = useState<SeriesState | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void api.call('series.get', {}).then((res) => {
      if (!current) return;
      if (res.ok) {
        setState(res.value);
        setError(null);
      } else setError(res.error.message);
    });
    return () => {
      current = false;
    };
  }, [series]);
  return { state, error };
}
