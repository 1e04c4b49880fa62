/**
 * The room server's join token. The page is opened as `/?token=T`; the server answers that load
 * with an HttpOnly cookie that carries the token from then on (the page's assets, its API calls,
 * its push socket), so the page's scripts never hold it. All that is left to do here is take it
 * out of the address bar, so it is not copied along with a screenshot or a bookmark.
 */
interface TokenEnv {
  href: string;
  /** Replaces the address without reloading (history.replaceState). */
  replaceUrl: (url: string) => void;
}

/** Removes `?token=` from the address; says whether there was one. */
export function stripJoinToken(env: TokenEnv): boolean {
  const url = new URL(env.href);
  if (!url.searchParams.has('token')) return false;
  url.searchParams.delete('token');
  env.replaceUrl(url.pathname + url.search + url.hash);
  return true;
}
