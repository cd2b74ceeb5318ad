/**
 * Spaces out starts so that at most `perSecond` begin in any second (Teams allows about 30 requests
 * a second per app and tenant). Callers wait their turn; the order is kept.
 */
export class RateLimiter {
  private nextSlot = 0;
  private readonly interval: number;

  constructor(
    perSecond: number,
    // Real elapsed time by default: the pace is Teams' limit per real second; tests pass their own.
    private readonly now: () => number = () => Date.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.interval = 1000 / perSecond;
  }

  async take(): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.interval;
    if (slot > now) await this.sleep(slot - now);
  }
}
