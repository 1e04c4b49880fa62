/**
 * The room server's join token. The page is opened as `/?token=T`; the token is kept in
 * sessionStorage (so a reload keeps working) and taken out of the address bar (so it is not
 * copied along with a screenshot or a bookmark).
 */
export const TOKEN_KEY = 'merge-sprint-token';
export const TOKEN_HEADER = 'X-Merge-Sprint-Token';

interface TokenEnv {
  href: string;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** Replaces the address without reloading (history.replaceState). */
  replaceUrl?: (url: string) => void;
}

export function readJoinToken(env: TokenEnv): string | null {
  const url = new URL(env.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    env.storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    env.replaceUrl?.(url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return env.storage.getItem(TOKEN_KEY);
}
