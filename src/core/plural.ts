// Counted nouns ("1 decision", "3 decisions"): one helper, so no screen says "1 decisions".

/** `n` and the noun in the number `n` takes; `many` for irregular plurals ("1 person", "2 people"). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
