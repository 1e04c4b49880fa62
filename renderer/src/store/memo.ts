/** One-entry memoisation by argument identity: a selector derived from store records recomputes only when they change. */
export function memoByIdentity<Args extends unknown[], R>(fn: (...args: Args) => R): (...args: Args) => R {
  let last: { args: Args; result: R } | null = null;
  return (...args: Args): R => {
    if (last && last.args.length === args.length && last.args.every((a, i) => a === args[i])) return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}
