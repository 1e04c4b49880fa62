/** The renderer's entry: the store starts asking for the plan, then React mounts. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { sprintStore } from './store';
import { App } from './views/shell/App';
import { applyTheme, storedTheme } from './views/shell/ThemeChoice';
import './styles/base.css';
import './styles/shell.css';
import './styles/forms.css';
import './styles/board.css';
import './styles/inventory.css';
import './styles/lists.css';

// The chosen colours before the first paint, so a dark room never sees a white flash.
applyTheme(document.documentElement, storedTheme(window.localStorage));
// Before the first render, so the requests travel while React mounts.
void sprintStore.getState().boot();

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
