/** Where "now" comes from; tests pass a fixed clock, the bot the system's. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

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

  set(at: Date | string): void {
    this.instant = new Date(at).getTime();
  }
}
