/**
 * Whether a horizontally scrolling area hides content to its left or right, kept in step with
 * scrolling and resizing: the board shows a cue on that side instead of cutting a column off
 * without a trace.
 */
import { useEffect, useState, type RefObject } from 'react';

export interface ScrollCue {
  left: boolean;
  right: boolean;
  /** Columns' worth of width hidden to the right (rounded up), for the cue's words. */
  hiddenRight: number;
}

const NONE: ScrollCue = { left: false, right: false, hiddenRight: 0 };

export function useScrollCue(ref: RefObject<HTMLElement | null>, columnWidth: () => number, shown: boolean): ScrollCue {
  const [cue, setCue] = useState<ScrollCue>(NONE);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const hidden = el.scrollWidth - el.clientWidth - el.scrollLeft;
      const next: ScrollCue = { left: el.scrollLeft > 1, right: hidden > 1, hiddenRight: hidden > 1 ? Math.max(1, Math.ceil(hidden / Math.max(1, columnWidth()))) : 0 };
      setCue((prev) => (prev.left === next.left && prev.right === next.right && prev.hiddenRight === next.hiddenRight ? prev : next));
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    const mutations = new MutationObserver(measure);
    mutations.observe(el, { childList: true });
    return () => {
      el.removeEventListener('scroll', measure);
      observer.disconnect();
      mutations.disconnect();
    };
  }, [ref, columnWidth, shown]);
  return cue;
}
