/** What removing a person does, in the words of the question asked first. */
import { plural } from '../common/format';

/** "Ada leaves the sprint; their 2 cards go back to Unassigned, with their states kept. Ada reviews 1 card; it will have no reviewer. Undo brings them back with their cards." */
export function removalWords(name: string, cards: number, reviews: number): string {
  const owned = cards === 0 ? '' : cards === 1 ? '; their card goes back to Unassigned, with its state kept' : `; their ${plural(cards, 'card')} go back to Unassigned, with their states kept`;
  const reviewed = reviews === 0 ? '' : ` ${name} reviews ${plural(reviews, 'card')}; ${reviews === 1 ? 'it' : 'they'} will have no reviewer.`;
  const back = reviews === 0 ? ' with their cards' : cards === 0 ? ' as reviewer' : ' with their cards and reviews';
  return `${name} leaves the sprint${owned}.${reviewed} Undo brings them back${back}.`;
}
