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

export function ThemeChoice() {
  const [theme, setTheme] = useState<Theme>(() => storedTheme(window.localStorage));
  useEffect(() => {
    applyTheme(document.documentElement, theme);
    if (theme === 'system') window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, theme);
  }, [theme]);
  return (
    <label className="theme-choice" title="Colours: as the system is set, or always light or dark">
      <span className="visually-hidden">Colours</span>
      <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)} data-testid="theme">
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
