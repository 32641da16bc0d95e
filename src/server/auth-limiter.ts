// Counts failed authentications per client address in a fixed window, so token guessing gets 429s.

export class FailureLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    /** Failures allowed per window; 0 disables the limit. */
    private readonly max: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again, or 0 when it is not blocked. */
  retryAfter(key: string): number {
    const w = this.windows.get(key);
    if (!w || this.max === 0) return 0;
    const left = w.resetAt - this.now();
    if (left <= 0) {
      this.windows.delete(key);
      return 0;
    }
    return w.count >= this.max ? Math.ceil(left / 1000) : 0;
  }

  fail(key: string) {
    if (this.max === 0) return;
    const now = this.now();
    const w = this.windows.get(key);
    if (w && w.resetAt > now) w.count += 1;
    else this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
    if (this.windows.size > 10_000) this.prune(now);
  }

  // Bounded memory under a spray of addresses: drop expired windows.
  private prune(now: number) {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}
