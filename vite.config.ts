import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server injects styles and the React refresh preamble inline, which the page's strict
// CSP refuses; the built app keeps the CSP, `npx vite` serves the page without it.
const devWithoutCsp: Plugin = {
  name: 'merge-sprint-dev-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
};

// `MERGE_SPRINT_SERVER=http://127.0.0.1:4477 npx vite` sends the API to a running room server.
const server = process.env.MERGE_SPRINT_SERVER;

// The renderer is built once and served both by Electron (file://) and by the room server.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), devWithoutCsp],
  server: server ? { proxy: { '/api': { target: server, ws: true } } } : {},
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
});
