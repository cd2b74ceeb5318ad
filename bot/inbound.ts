import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { Log } from '../src/log.js';
import type { FkiAdapter } from './adapter.js';

/** Turns that run after their HTTP request was answered; a graceful stop and the tests wait for them. */
export class TurnsInFlight {
  private readonly running = new Set<Promise<void>>();

  track(turn: Promise<void>): void {
    this.running.add(turn);
    void turn.finally(() => this.running.delete(turn));
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

export interface InboundDeps {
  adapter: FkiAdapter;
  run: (context: TurnContext) => Promise<void>;
  /** Durable work an answer must wait for (the conversation reference): never the reply itself. */
  beforeAnswer?: (activity: Activity) => Promise<void>;
  turns: TurnsInFlight;
  log: Log;
}

/**
 * POST /api/messages. The request is authenticated, then answered: an invoke (or an activity that
 * expects its replies in the response) with the turn's result, anything else with 200 at once, its
 * turn (the reply and the reply's retries) running after. Teams re-sends what it has no answer to
 * within 15 s, so a reply that cannot be delivered must never hold the request.
 */
export async function receiveActivity(req: Request, res: Response, deps: InboundDeps): Promise<void> {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
    res.send(400, { error: 'The body must be a Bot Framework activity (JSON with a "type").' });
    return;
  }
  const activity = withDates(body as Activity);
  const header = req.headers.authorization;
  let auth: Awaited<ReturnType<FkiAdapter['authenticate']>>;
  try {
    auth = await deps.adapter.authenticate(activity, typeof header === 'string' ? header : '');
  } catch (error) {
    deps.log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'unauthenticated activity refused');
    res.send(401, { error: 'Unauthorized' });
    return;
  }
  if (activity.type === 'invoke' || activity.deliveryMode === 'expectReplies') {
    try {
      const response = await deps.adapter.runTurn(auth, activity, deps.run);
      res.send(response?.status ?? 200, response?.body);
    } catch (error) {
      deps.log.error({ err: error, activityType: activity.type, name: activity.name }, 'an invoke could not be processed');
      res.send(400, { error: 'The activity could not be processed.' });
    }
    return;
  }
  await deps.beforeAnswer?.(activity);
  if (isBookkeeping(activity)) {
    // An install's turn only records (the conversation, a queued welcome, a subscription): it sends
    // nothing, so it runs before the answer, and Teams re-sends what could not be recorded.
    try {
      await deps.adapter.runTurn(auth, activity, deps.run);
      res.status(200);
      res.end();
    } catch (error) {
      deps.log.error({ err: error, activityType: activity.type, conversation: activity.conversation?.id }, 'an install could not be recorded');
      res.send(503, { error: 'The activity could not be recorded; send it again.' });
    }
    return;
  }
  res.status(200);
  res.end();
  deps.turns.track(
    deps.adapter.runTurn(auth, activity, deps.run).then(
      () => undefined,
      (error: unknown) => deps.log.error({ err: error, activityType: activity.type, conversation: activity.conversation?.id }, 'a turn failed after its request was answered'),
    ),
  );
}

/** Install and membership events: their turns write down what happened and send nothing themselves. */
function isBookkeeping(activity: Activity): boolean {
  return activity.type === 'installationUpdate' || activity.type === 'conversationUpdate';
}

/** As botbuilder's own reader does: the timestamps as dates, the texts kept beside. */
function withDates(activity: Activity): Activity {
  const raw = activity as unknown as Record<string, unknown>;
  for (const [field, rawField] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    if (typeof raw[field] === 'string') {
      raw[rawField] = raw[field];
      raw[field] = new Date(raw[field]);
    }
  }
  return activity;
}
