/**
 * Work run one at a time, in the order it was asked for; a failure is the caller's and does not stop
 * the work after it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Resolves once nothing is running or waiting. */
  async idle(): Promise<void> {
    let current: Promise<unknown>;
    do {
      current = this.tail;
      await current;
    } while (current !== this.tail);
  }
}
