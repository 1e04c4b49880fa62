/** Numbers as the UI prints them. */
export const formatCount = (n: number): string => n.toLocaleString('en');

export const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;
