/**
 * The people of the demo: who wrote its commits (the fixture's history.json names them by key)
 * and, for the fork's authors, who is on its board.
 */

export interface DemoAuthor {
  name: string;
  email: string;
}

export const UPSTREAM_AUTHORS = {
  linus: { name: 'Linus Torvalds', email: 'torvalds@osdl.example' },
} satisfies Record<string, DemoAuthor>;

export const FORK_AUTHORS = {
  keir: { name: 'Keir Fraser', email: 'keir@xensource.example' },
  ian: { name: 'Ian Pratt', email: 'ian@xensource.example' },
  christian: { name: 'Christian Limpach', email: 'christian@xensource.example' },
  steven: { name: 'Steven Hand', email: 'steven@xensource.example' },
  chris: { name: 'Chris Wright', email: 'chrisw@osdl.example' },
} satisfies Record<string, DemoAuthor>;
