import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

export default tseslint.config(
  { ignores: ['dist/**', '.tsbuild/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', 'simple-git', 'fs', 'path', 'child_process', 'os'] }],
    },
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', 'simple-git', 'react', 'react-dom', 'fs', 'path'] }],
    },
  },
  {
    // The layers (see README, Architecture): shared imports no other layer; the renderer only
    // shared; the core (plain Node) never the shell or the renderer; the shell never the renderer.
    // Relative imports are resolved, so a path that reaches across a boundary is caught however
    // it is spelled. tsc -b refuses the same imports through the project references.
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            { target: './shared', from: ['./renderer', './electron', './test', './bench', './scripts'], message: 'shared/ is imported by every layer and imports none of them.' },
            { target: './renderer', from: ['./electron', './test', './bench', './scripts'], message: 'The renderer reaches the main process only through the API contract in shared/.' },
            { target: './electron/core', from: ['./electron/shell', './renderer', './test', './bench'], message: 'The core is plain Node: the Electron shell builds on it, never the other way.' },
            { target: './electron/shell', from: ['./renderer', './test', './bench'], message: 'The shell loads the renderer as a page, never as a module.' },
            {
              // Everything outside the git folder calls a verb of it (rev-parse.ts, update-ref.ts, ...), never the runner.
              target: ['./electron/shell', './electron/core/*.ts', './electron/core/!(git)/**'],
              from: './electron/core/git/exec.ts',
              message: 'Only the git layer runs git: call (or add) a verb file in electron/core/git/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the git layer runs git; only it and the build runner (which runs a clone's own build
    // command in a temporary worktree) start processes. Electron belongs to the shell alone.
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/git/**', 'electron/core/builds/runner.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'simple-git', message: 'Run git through the git layer (electron/core/git/).' },
            { name: 'node:child_process', message: 'Only the git layer and the build runner start processes.' },
            { name: 'child_process', message: 'Only the git layer and the build runner start processes.' },
            { name: 'electron', message: 'The core is plain Node; only electron/shell imports electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/builds/runner.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'simple-git', message: 'Run git through the git layer (electron/core/git/).' },
            { name: 'electron', message: 'The core is plain Node; only electron/shell imports electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'simple-git', message: 'Run git through the git layer (electron/core/git/).' },
            { name: 'node:child_process', message: 'The shell starts no processes; the core does.' },
            { name: 'child_process', message: 'The shell starts no processes; the core does.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', '*.js'],
    languageOptions: { globals: globals.node },
  },
);
