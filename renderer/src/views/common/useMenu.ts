/**
 * A small drop-down menu's open state: a press outside its box or Escape inside it closes it.
 * The header's More menu and the board's View menu share it.
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

export interface Menu {
  open: boolean;
  setOpen: (open: boolean) => void;
  box: RefObject<HTMLDivElement | null>;
  /** For the box's onKeyDown. */
  onKeyDown: (e: KeyboardEvent) => void;
}

export function useMenu(): Menu {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  return { open, setOpen, box, onKeyDown: (e) => e.key === 'Escape' && setOpen(false) };
}
