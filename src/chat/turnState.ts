/**
 * A typed key into `turn.state`, as grammY lets a plugin add to its context: a middleware sets the
 * value once per turn and every later middleware and handler reads it with its type.
 * `const Admin = turnState<boolean>('admin')`. Keys are compared by identity: two keys of one name
 * never read each other's value; the name is for logs and error messages.
 */
export interface TurnStateKey<T> {
  readonly name: string;
  /** Never set: carries the value's type. */
  readonly valueType?: T;
}

export function turnState<T>(name: string): TurnStateKey<T> {
  return Object.freeze({ name });
}

/** The per-turn bag: made fresh for every turn, empty at its start. */
export class TurnState {
  private readonly values = new Map<TurnStateKey<unknown>, unknown>();

  set<T>(key: TurnStateKey<T>, value: T): void {
    this.values.set(key, value);
  }

  has(key: TurnStateKey<unknown>): boolean {
    return this.values.has(key);
  }

  /** The value, or undefined when no middleware set it this turn. */
  get<T>(key: TurnStateKey<T>): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  /** The value a middleware earlier in the pipeline must have set; a missing one is a bug, so it throws. */
  require<T>(key: TurnStateKey<T>): T {
    if (!this.values.has(key)) throw new Error(`turn.state "${key.name}" was not set by any middleware before it was read`);
    return this.values.get(key) as T;
  }
}
