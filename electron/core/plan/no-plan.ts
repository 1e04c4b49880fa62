/** The answer of every call that needs a started sprint, in a repository that has none. */
export const NO_PLAN =
  'No sprint has been started in this repository: name the upstream ref, the fork ref and the pairings first (`merge-sprint init`, or Start sprint in the app).';
