// Retrying short transactions: distributed PostgreSQL engines (and plain PostgreSQL under
// contention) abort transactions with 40001/40P01 and expect the client to run them again.

const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 8;

export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/** Runs `attempt` until it succeeds or fails with a non-retryable error, with jittered backoff. */
export async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= ATTEMPTS || !isRetryable(error)) throw error;
      const delay = Math.min(200, 2 ** i) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
