/** The renderer's entry: one React root; the store boots from the App. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './views/shell/App';
import './styles/base.css';
import './styles/shell.css';
import './styles/forms.css';
import './styles/board.css';
import './styles/inventory.css';
import './styles/lists.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
