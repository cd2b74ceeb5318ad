/**
 * Whether this bot may still send (digests, notifications, schedules): false once it has lost the
 * data folder lock to another bot, which then is the only one that sends. Checked before every send.
 */
export interface Fence {
  holds(): boolean;
  /** Why it does not hold, for the log and /healthz; null while it holds. */
  problem(): string | null;
}

/** The fence where there is nothing to lose: PostgreSQL (its leadership decides), memory, the CLI. */
export const alwaysHeld: Fence = { holds: () => true, problem: () => null };
