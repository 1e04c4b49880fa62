/** The Series view: propose, edit, check and export the patch series. */
export function SeriesView() {
  return <section aria-label="Patch series">Patch series</section>;
}
