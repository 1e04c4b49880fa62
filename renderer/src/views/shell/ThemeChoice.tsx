/**
 * Light or dark beside the system's setting: "System" follows the operating system (and
 * changes with it), Light and Dark hold for this browser or window, as a projector in a bright
 * room may need.
 */
import { useEffect, useState } from 'react';

export type Theme = 'system' | 'light' | 'dark';
const KEY = 'merge-sprint-theme';

export function storedTheme(storage: Pick<Storage, 'getItem'>): Theme {
  const value = storage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function applyTheme(root: HTMLElement, theme: Theme): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const WORDS: Record<Theme, string> = { system: 'as the system is set', light: 'light', dark: 'dark' };
const ICON: Record<Theme, string> = { system: '◐', light: '☀', dark: '☾' };

/** One small button (the header has little room at 1024 px): each click goes System, Light, Dark, System. */
export function ThemeChoice() {
  const [theme, setTheme] = useState<Theme>(() => storedTheme(window.localStorage));
  useEffect(() => {
    applyTheme(document.documentElement, theme);
    if (theme === 'system') window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, theme);
  }, [theme]);
  const label = `Colours: ${WORDS[theme]}. Click for ${WORDS[NEXT[theme]]}.`;
  return (
    <button type="button" className="btn btn-icon theme-choice" data-theme-choice={theme} aria-label={label} title={label} onClick={() => setTheme(NEXT[theme])} data-testid="theme">
      <span aria-hidden="true">{ICON[theme]}</span>
    </button>
  );
}
