/**
 * A column's cards. A short column renders every card; a long one (a plan of a thousand cards
 * puts hundreds in Backlog) renders only the cards near its view, so a change to the board
 * costs what the visible cards cost, not what the whole plan costs. The card that holds the
 * board's tab stop is always rendered, wherever it is, so Tab reaches the board and a key that
 * jumps far (End, an arrow into a long column) finds its card to focus.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useRef } from 'react';
import { useSprint } from '../../store';
import { selectBoardLayout } from '../../store/selectors';
import { useCardUi } from '../card/cardUi';
import { firstCardOf } from '../card/navigation';
import { BoardCard } from './BoardCard';

/** Columns with more cards than this render only those near the view. */
export const VIRTUAL_FROM = 60;
/** A card's height before it is measured: a name on one line, the owner and counts, the lines and a badge. */
const CARD_ESTIMATE = 104;
const GAP = 8;

interface Props {
  ids: string[];
  showState: boolean;
  onBlock: (id: string) => void;
  /** Swimlane cells grow with the page instead of scrolling, so they render every card. */
  scrolls: boolean;
  empty: string;
}

export function ColumnCards({ ids, showState, onBlock, scrolls, empty }: Props) {
  if (scrolls && ids.length > VIRTUAL_FROM) return <VirtualCards ids={ids} showState={showState} onBlock={onBlock} />;
  return (
    <ol className="column-cards">
      {ids.map((id) => (
        <BoardCard key={id} id={id} showState={showState} onBlock={onBlock} />
      ))}
      {ids.length === 0 && <li className="column-empty">{empty}</li>}
    </ol>
  );
}

function VirtualCards({ ids, showState, onBlock }: { ids: string[]; showState: boolean; onBlock: (id: string) => void }) {
  const list = useRef<HTMLOListElement>(null);
  const focused = useCardUi((s) => s.focused);
  const first = useSprint((s) => firstCardOf(selectBoardLayout(s)));
  const stop = ids.indexOf(focused ?? first ?? '');
  const rangeExtractor = useCallback(
    (range: Range) => {
      const shown = defaultRangeExtractor(range);
      if (stop < 0 || shown.includes(stop)) return shown;
      return [...shown, stop].sort((a, b) => a - b);
    },
    [stop],
  );
  const virtual = useVirtualizer({
    count: ids.length,
    getScrollElement: () => list.current,
    estimateSize: () => CARD_ESTIMATE,
    getItemKey: (i) => ids[i] ?? i,
    overscan: 6,
    gap: GAP,
    paddingStart: GAP,
    paddingEnd: GAP,
    rangeExtractor,
    // The first commit already draws a window's height of cards: no frame shows an empty column.
    initialRect: { width: 0, height: window.innerHeight },
  });
  return (
    <ol ref={list} className="column-cards column-cards-virtual" data-testid="column-cards-virtual">
      <li className="column-cards-size" aria-hidden="true" style={{ height: virtual.getTotalSize() }} />
      {virtual.getVirtualItems().map((item) => {
        const id = ids[item.index];
        if (id === undefined) return null;
        return (
          <BoardCard
            key={id}
            id={id}
            showState={showState}
            onBlock={onBlock}
            slot={item.index}
            slotCount={ids.length}
            slotStart={item.start}
            measure={virtual.measureElement}
          />
        );
      })}
    </ol>
  );
}
