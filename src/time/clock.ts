/** Where "now" comes from; tests pass a fixed clock, the bot the system's. */
export interface Clock {
  now(): Date;
  /**
   * Milliseconds that only move forward at the pace time really passes (to tell a wall clock jump
   * from time passing). The system's is monotonic; a test's clock that is moved by hand says that
   * its moves are time passing. Left out: the system's monotonic clock.
   */
  elapsed?(): number;
}

export const systemClock: Clock = { now: () => new Date(), elapsed: () => performance.now() };

export function fixedClock(at: Date | string): Clock {
  const instant = typeof at === 'string' ? new Date(at) : at;
  return { now: () => new Date(instant) };
}

/** A clock a test moves by hand. */
export class ManualClock implements Clock {
  private instant: number;

  constructor(at: Date | string) {
    this.instant = new Date(at).getTime();
  }

  now(): Date {
    return new Date(this.instant);
  }

  elapsed(): number {
    return this.instant;
  }

  set(at: Date | string): void {
    this.instant = new Date(at).getTime();
  }
}
