/** The address's hash names the view (`#/board/state`), so a reload or a shared link keeps it. */
import type { BoardMode, ViewName } from '../../store/types';

export const VIEWS: readonly { name: ViewName; title: string }[] = [
  { name: 'setup', title: 'Setup' },
  { name: 'inventory', title: 'Inventory' },
  { name: 'subsystems', title: 'Subsystems' },
  { name: 'people', title: 'People' },
  { name: 'board', title: 'Board' },
  { name: 'activity', title: 'Activity' },
  { name: 'burndown', title: 'Burndown' },
  { name: 'rename', title: 'Rename' },
  { name: 'keep-current', title: 'Keep current' },
  { name: 'series', title: 'Series' },
];

export interface Route {
  view: ViewName;
  mode: BoardMode | null;
}

export function parseHash(hash: string): Route | null {
  const [view, mode] = (hash.replace(/^#\/?/, '').split('?')[0] ?? '').split('/');
  const known = VIEWS.find((v) => v.name === view);
  if (!known) return null;
  return { view: known.name, mode: mode === 'state' || mode === 'person' || mode === 'lanes' ? mode : null };
}

export const formatHash = (view: ViewName, mode: BoardMode): string => (view === 'board' ? `#/board/${mode}` : `#/${view}`);
