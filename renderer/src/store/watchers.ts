/**
 * How many mounted views want a piece of server data. A view's effect takes a watch and returns
 * its release, which React may call once per mount; a second call changes nothing.
 */
export interface Watchers {
  readonly count: number;
  /** Adds a watcher and calls `onWatch`; returns the release. */
  watch(onWatch: () => void): () => void;
}

export function watchers(): Watchers {
  let count = 0;
  return {
    get count() {
      return count;
    },
    watch(onWatch) {
      count++;
      onWatch();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        count--;
      };
    },
  };
}

/**
 * Runs `look` once after the current tick, however many times it is asked for in that tick:
 * several store updates made together (pushes delivered in one batch, a view mounting as the
 * plan arrives) make one request.
 */
export function oncePerTick(look: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      look();
    });
  };
}
