/**
 * Keeps the series slice fresh while the Series view shows: the patches' numbers and coverage
 * (`series.get`) and upstream's drift (`series.drift`), asked for once per change of the series
 * or of the repository's refs. Views select them from the store.
 */
import { useEffect } from 'react';
import { sprintStore } from '../../store';

export function useSeriesState(): void {
  useEffect(() => sprintStore.getState().watchSeries(), []);
}
