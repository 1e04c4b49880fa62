/** The Rename view: rename rules, previews, interim copies, drift, builds, finish. */
export function RenameView() {
  return <section aria-label="Rename plan">Rename plan</section>;
}
