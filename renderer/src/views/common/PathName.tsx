/**
 * A path or card name that may wrap after its slashes. <wbr> marks the places without adding a
 * character, so a name copied from the page is the path itself (a zero-width space would make
 * it a different path); CSS `overflow-wrap: anywhere` breaks a segment too long for its box.
 */
import { Fragment } from 'react';

export function PathName({ name }: { name: string }) {
  const parts = name.split('/');
  return <>{parts.map((part, i) => (i === 0 ? part : <Fragment key={i}>/<wbr />{part}</Fragment>))}</>;
}
