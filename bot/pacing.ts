/**
 * Teams' limits on proactive messages: about 30 requests a second per app and tenant (sources say 30
 * or 50: designed for 30), and 7 a second per conversation.
 */
export const TEAMS_LIMITS = { perSecond: 30, perConversationPerSecond: 7 } as const;

/** Conversations remembered for their own pace before the idle ones are dropped. */
const TRACKED_CONVERSATIONS = 10_000;

export interface PacerOptions {
  perSecond: number;
  perConversationPerSecond: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Spaces out every proactive send of the app (welcomes, notifications, digests share it), so that at
 * most `perSecond` start in any second and at most `perConversationPerSecond` into one conversation.
 * Callers wait their turn, in the order they asked.
 */
export class SendPacer {
  private nextSlot = 0;
  private readonly nextInConversation = new Map<string, number>();
  private readonly options: PacerOptions;

  constructor(options: Partial<PacerOptions> = {}) {
    this.options = {
      ...TEAMS_LIMITS,
      // Pacing measures real elapsed time (Teams' limits); tests pass their own now and sleep.
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...options,
    };
  }

  /** Waits until a send into this conversation may start. */
  async take(conversationId: string): Promise<void> {
    const { now, sleep, perSecond, perConversationPerSecond } = this.options;
    const at = now();
    const slot = Math.max(at, this.nextSlot, this.nextInConversation.get(conversationId) ?? 0);
    this.nextSlot = slot + 1000 / perSecond;
    this.nextInConversation.set(conversationId, slot + 1000 / perConversationPerSecond);
    if (this.nextInConversation.size > TRACKED_CONVERSATIONS) this.forgetIdle(at);
    if (slot > at) await sleep(slot - at);
  }

  /** Conversations whose next slot has passed need no memory: they may send at once anyway. */
  private forgetIdle(at: number): void {
    for (const [conversationId, next] of this.nextInConversation) if (next <= at) this.nextInConversation.delete(conversationId);
  }
}
