/**
 * The board's filters in the address, after the view (`#/board/person?state=Review&blocked=1&mine=1&q=net`),
 * so that a reload keeps them and a link shares them. Only what is set is written; what a
 * reader cannot have (an unknown state) is left out when read.
 */
import { CARD_STATES, type CardState } from '../../../../shared/model';
import type { BoardFilter } from '../../store/types';

const DEFAULTS: BoardFilter = { person: 'all', state: 'all', text: '', notVerified: false, blocked: false, mine: false };

export function parseBoardQuery(hash: string): Partial<BoardFilter> {
  const at = hash.indexOf('?');
  const q = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  const state = q.get('state');
  return {
    person: q.get('person') || 'all',
    state: state && (CARD_STATES as readonly string[]).includes(state) ? (state as CardState) : 'all',
    text: q.get('q') ?? '',
    notVerified: q.get('unverified') === '1',
    blocked: q.get('blocked') === '1',
    mine: q.get('mine') === '1',
  };
}

export function formatBoardQuery(filter: BoardFilter): string {
  const q = new URLSearchParams();
  if (filter.person !== DEFAULTS.person) q.set('person', filter.person);
  if (filter.state !== DEFAULTS.state) q.set('state', filter.state);
  if (filter.text !== '') q.set('q', filter.text);
  if (filter.notVerified) q.set('unverified', '1');
  if (filter.blocked) q.set('blocked', '1');
  if (filter.mine) q.set('mine', '1');
  const text = q.toString();
  return text === '' ? '' : `?${text}`;
}
