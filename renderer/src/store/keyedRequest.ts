/**
 * Server data read for a state of the repository: asked for once per key (the plan head, the
 * repository changes this client has heard of), however many views want it. A request for a
 * newer key may overtake an older one still on its way; the older answer, arriving later, is
 * dropped, so what is shown never goes back in time.
 */

/** What the data was read for; two keys are the same when every part is (`Object.is`). */
export type RequestKey = readonly unknown[];

export const sameKey = (a: RequestKey | null, b: RequestKey): boolean => a !== null && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

export interface KeyedRequest<T> {
  /** Asks for `key` unless its answer is shown or on its way; resolves once that answer is in. */
  ensure(key: RequestKey): Promise<void>;
  /** Asks for `key` again even if answered (the user pressed Refresh); resolves to the answer, or null if a newer one won. */
  refresh(key: RequestKey): Promise<T | null>;
  /** Forgets every answer and drops those on their way (another repository was opened). */
  reset(): void;
}

/**
 * `fetch` asks the server; `show` puts an answer in the store, and is called only for an answer
 * newer than the one shown; `busy` says whether the newest request is still on its way.
 */
export function keyedRequest<T>(fetch: () => Promise<T>, show: (answer: T) => void, busy: (running: boolean) => void = () => undefined): KeyedRequest<T> {
  let sent = 0;
  let shown = 0;
  let answeredFor: RequestKey | null = null;
  let latest: { key: RequestKey; seq: number; done: Promise<T | null> } | null = null;

  const start = (key: RequestKey): Promise<T | null> => {
    const seq = ++sent;
    const done = fetch()
      .then((answer) => {
        if (seq <= shown) return null;
        shown = seq;
        answeredFor = key;
        show(answer);
        return answer;
      })
      .finally(() => {
        if (latest?.seq !== seq) return;
        latest = null;
        busy(false);
      });
    latest = { key, seq, done };
    busy(true);
    return done;
  };

  return {
    async ensure(key) {
      if (latest && sameKey(latest.key, key)) await latest.done;
      else if (latest || !sameKey(answeredFor, key)) await start(key);
    },
    refresh: start,
    reset() {
      shown = sent;
      answeredFor = null;
      if (latest) busy(false);
      latest = null;
    },
  };
}
