// JSON with object keys sorted: equal values encode equally whatever their key order, so merges
// can break ties by value and stay independent of the order they see states in.
export function stableKey(value: unknown): string {
  return (
    JSON.stringify(value, (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
        : v,
    ) ?? 'undefined'
  );
}
