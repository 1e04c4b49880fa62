/**
 * The view tabs, as many as the header's width holds, the current one always among them; the
 * rest go into a "More" menu. Widths are measured from a hidden copy of every tab, so a narrow
 * window never loses a tab without a trace.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useMenu } from '../common/useMenu';
import { useSprint } from '../../store';
import type { ViewName } from '../../store/types';
import { VIEWS } from './routing';
import { tabsThatFit } from './tabsThatFit';

function MoreMenu({ views, onPick }: { views: readonly { name: ViewName; title: string }[]; onPick: (v: ViewName) => void }) {
  const { open, setOpen, box, onKeyDown } = useMenu();
  return (
    <div className="tab-more" ref={box} onKeyDown={onKeyDown}>
      <button type="button" className="tab" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="tab-more" title={views.map((v) => v.title).join(', ')}>
        More <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul className="tab-menu" data-testid="tab-menu">
          {views.map((v) => (
            <li key={v.name}>
              <button
                type="button"
                className="tab-menu-item"
                data-testid={`tab-${v.name}`}
                onClick={() => {
                  setOpen(false);
                  onPick(v.name);
                }}
              >
                {v.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Tabs() {
  const view = useSprint((s) => s.view);
  const setView = useSprint((s) => s.setView);
  const nav = useRef<HTMLElement>(null);
  const measure = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<number[]>(() => VIEWS.map((_, i) => i));
  const current = VIEWS.findIndex((v) => v.name === view);
  useLayoutEffect(() => {
    const el = nav.current;
    const copies = measure.current;
    if (!el || !copies) return;
    const update = () => {
      const buttons = Array.from(copies.children) as HTMLElement[];
      const widths = buttons.slice(0, VIEWS.length).map((b) => b.getBoundingClientRect().width);
      const more = buttons[VIEWS.length]?.getBoundingClientRect().width ?? 80;
      const next = tabsThatFit(widths, el.clientWidth, more, 2, current);
      setFit((prev) => (prev.length === next.length && prev.every((v, i) => v === next[i]) ? prev : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    observer.observe(copies);
    return () => observer.disconnect();
  }, [current]);
  const shown = VIEWS.filter((_, i) => fit.includes(i));
  const rest = VIEWS.filter((_, i) => !fit.includes(i));
  return (
    <nav className="tabs" aria-label="Views" ref={nav}>
      {shown.map((v) => (
        <button key={v.name} type="button" className="tab" aria-current={view === v.name ? 'page' : undefined} data-testid={`tab-${v.name}`} onClick={() => setView(v.name)}>
          {v.title}
        </button>
      ))}
      {rest.length > 0 && <MoreMenu views={rest} onPick={setView} />}
      <div className="tabs-measure" ref={measure} aria-hidden="true">
        {VIEWS.map((v) => (
          <span key={v.name} className="tab">
            {v.title}
          </span>
        ))}
        <span className="tab">More ▾</span>
      </div>
    </nav>
  );
}
