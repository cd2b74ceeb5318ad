import { performance } from 'node:perf_hooks';

/** Milliseconds from a clock that only ever moves forward at the real pace (not the wall clock). */
export type Elapsed = () => number;

export const monotonic: Elapsed = () => performance.now();

/** The wall clock may differ from the measured time by this much (drift, NTP steps) before it counts as a jump. */
export const JUMP_TOLERANCE_MS = 5 * 60_000;

/**
 * The wall clock, as long as it moves at the pace time really passes. A jump either way (a wrong NTP
 * answer, a hand-set clock) is not believed: the time measured since the last good reading is used
 * instead, until the wall clock agrees with it again. The wall clock at the first reading is trusted
 * (across restarts the digest's outbox guards against a clock set back).
 */
export class SteadyTime {
  private reference: { wall: number; elapsed: number } | null = null;
  private reported = false;

  constructor(
    private readonly elapsed: Elapsed = monotonic,
    private readonly onJump: (offMs: number) => void = () => {},
  ) {}

  /** The time to act on, given what the wall clock says now. */
  at(wall: Date): Date {
    const now = this.elapsed();
    if (this.reference === null) {
      this.reference = { wall: wall.getTime(), elapsed: now };
      return wall;
    }
    const measured = this.reference.wall + (now - this.reference.elapsed);
    const off = wall.getTime() - measured;
    if (Math.abs(off) > JUMP_TOLERANCE_MS) {
      if (!this.reported) this.onJump(off);
      this.reported = true;
      return new Date(measured);
    }
    this.reported = false;
    this.reference = { wall: wall.getTime(), elapsed: now };
    return wall;
  }
}
