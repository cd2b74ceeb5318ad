import assert from 'node:assert/strict';
import pg from 'pg';
import { cardAction, USER } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { StandInConnector } from '../support/connector.js';
import { freshDatabase } from '../support/postgres.js';
import { until } from '../support/until.js';
import { startBot, type RunningBot } from '../../bot/start.js';

const ADMIN_ENV = { ADMIN_AAD_OBJECT_IDS: USER.aadObjectId };
type InvokeBody = { statusCode?: number; type?: string; value?: unknown };
const textOf = (body: unknown) => JSON.stringify((body as InvokeBody | null)?.value ?? body);

/** Runs SQL on the test's database as an operator would, outside the bot. */
async function sql(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/**
 * A deferred constraint trigger that refuses the COMMIT of the next transaction that stores a survey
 * event: the INSERT succeeds, the COMMIT fails. A sequence counts, since it is not rolled back.
 */
async function refuseNextSurveyCommit(url: string): Promise<void> {
  await sql(
    url,
    `CREATE SEQUENCE IF NOT EXISTS refused_commits;
     CREATE OR REPLACE FUNCTION refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF nextval('refused_commits') = 1 THEN RAISE EXCEPTION 'injected: this COMMIT is refused'; END IF;
       RETURN NULL;
     END $$;
     DROP TRIGGER IF EXISTS refuse_commit ON journal_events;
     CREATE CONSTRAINT TRIGGER refuse_commit AFTER INSERT ON journal_events DEFERRABLE INITIALLY DEFERRED
       FOR EACH ROW WHEN (NEW.journal = 'surveys') EXECUTE FUNCTION refuse_commit();
     SELECT setval('refused_commits', 1, false);`,
  );
}

async function storedAnswers(url: string): Promise<unknown[]> {
  const { rows } = await sql(url, `SELECT event FROM journal_events WHERE journal = 'surveys' AND event->>'type' = 'answered' ORDER BY seq`);
  return rows.map((row: { event: unknown }) => row.event);
}

describe('PostgreSQL: an answer is acknowledged only once it is committed', function () {
  this.timeout(60_000);
  let url: string;
  let bot: BotHarness;
  let surveyId: string;
  let link: string;

  beforeEach(async () => {
    url = await freshDatabase();
    bot = await BotHarness.start({ env: { DATABASE_URL: url, ...ADMIN_ENV } });
    await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
    await bot.settled(); // the survey card is posted after the invoke's answer
    const posted = JSON.stringify(bot.connector.calls.at(-1)?.activity);
    surveyId = /"surveyId":"([^"]+)"/.exec(posted)![1]!;
    link = /svare her: (http[^\s"\\]+)/.exec(posted)![1]!;
  });
  afterEach(async () => {
    await bot.stop();
  });

  const answer = { lang: 'da', status: 'planned', ch2Date: '2026-03-03', vendor: 'Eksempel A/S' };

  it('a card answer whose COMMIT fails is "not saved"; sent again it is stored, and is there after a restart', async () => {
    await refuseNextSurveyCommit(url);
    const submit = cardAction(bot.serviceUrl, 'survey.submit', { ...answer, surveyId }, { id: 'activity-answer-1' });
    const refused = await bot.post(submit);
    assert.equal(bot.app.surveys.get(surveyId)!.answers.length, 0, 'nothing in memory that the database lacks');
    assert.deepEqual(await storedAnswers(url), []);
    assert.match(textOf(refused.body), /Det blev ikke gemt: jeg kan ikke skrive det sikkert ned lige nu, så intet er registreret\. Prøv igen om lidt\./);

    // Teams re-sends the same activity (same id): it is stored now, not called "already recorded".
    const again = await bot.post(submit);
    assert.match(textOf(again.body), /Tak — registreret: Aula skifter til Context Handler 2 den 3\. marts 2026/);
    assert.equal((await storedAnswers(url)).length, 1);

    await bot.stop();
    bot = await BotHarness.start({ env: { DATABASE_URL: url, ...ADMIN_ENV } });
    assert.equal(bot.app.surveys.get(surveyId)!.answers.length, 1, 'the answer is there after a restart');
  });

  it('a form answer whose COMMIT fails comes back filled in with "not saved"; posted again it is stored, and is there after a restart', async () => {
    await refuseNextSurveyCommit(url);
    const fields = { nonce: 'form-1', status: 'planned', ch2Date: '2026-03-03', vendor: 'Eksempel A/S', contactName: 'Kari' };
    const post = () => fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
    const refused = await post();
    assert.equal(bot.app.surveys.get(surveyId)!.answers.length, 0, 'nothing in memory that the database lacks');
    assert.equal(refused.status, 503);
    const html = await refused.text();
    assert.match(html, /role="alert" id="notice"><p><strong>Svaret blev ikke gemt: vi har et teknisk problem lige nu/);
    assert.match(html, /name="nonce" value="form-1"/, 'the same delivery can be sent again');
    assert.match(html, /name="vendor" value="Eksempel A\/S"/, 'what the vendor typed is kept');
    assert.doesNotMatch(html, /ECONNREFUSED|injected|COMMIT/, 'no database detail shown to the vendor');
    assert.deepEqual(await storedAnswers(url), []);

    const again = await post();
    assert.equal(again.status, 200);
    assert.match(await again.text(), /Tak — registreret: Aula skifter til Context Handler 2 den 3\. marts 2026/);
    assert.equal((await storedAnswers(url)).length, 1);

    await bot.stop();
    bot = await BotHarness.start({ env: { DATABASE_URL: url, ...ADMIN_ENV } });
    assert.equal(bot.app.surveys.get(surveyId)!.answers.length, 1, 'the answer is there after a restart');
  });
});

describe('PostgreSQL: the bot lives through its database connections being killed mid-transaction', function () {
  this.timeout(120_000);
  let connector: StandInConnector;
  let bot: RunningBot | null = null;
  // What would end `npm start`'s process (a pool client's error event nobody listens to) is an
  // uncaught error: mocha fails the test it falls in, and this list says so where it is checked.
  const uncaught: unknown[] = [];
  const noteUncaught = (error: unknown) => uncaught.push(error);
  before(async () => {
    process.on('uncaughtExceptionMonitor', noteUncaught);
    connector = await new StandInConnector().start();
  });
  after(async () => {
    process.off('uncaughtExceptionMonitor', noteUncaught);
    await bot?.stop();
    await connector.stop();
  });

  it('keeps running, acknowledges only what was committed, and stores answers and leads again once the database is back', async () => {
    const url = await freshDatabase();
    bot = await startBot({
      env: {
        DATABASE_URL: url,
        DATA_DIR: '/nonexistent-data-dir',
        PORT: '0',
        LOG_LEVEL: 'silent',
        LEADER_POLL_SECONDS: '0.3',
        SURVEY_LINK_SECRET: 'test-secret-of-at-least-32-characters!',
        ...ADMIN_ENV,
      },
    });
    const running = () => uncaught.length === 0;
    const post = async (activity: unknown) => {
      const response = await fetch(`${bot!.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      return response.text();
    };
    await post(cardAction(connector.url, 'survey.request', { system: 'Aula', lang: 'da' }));
    // The survey card is posted after the invoke's answer: wait for it.
    const cardSent = () => /"surveyId":"([^"]+)"/.exec(JSON.stringify(connector.sentTo('a:personal-chat-alex')));
    await until(() => cardSent() !== null, 'the survey card');
    const surveyId = cardSent()![1]!;

    // Light load: two writers store answers (each a transaction) while every connection of the bot is
    // terminated again and again, as a database restart or a failover does.
    const acknowledged: string[] = [];
    let refusedPolitely = 0;
    // Every connection of the bot is terminated as each answer is sent, 60 times: mid-transaction.
    const KILLS = 60;
    let kills = 0;
    // One operator connection, which spares itself; pg's client queues the kills one after the other.
    const operator = new pg.Client({ connectionString: url });
    await operator.connect();
    const killAll = () => operator.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    const writer = async (name: string) => {
      for (let n = 0; kills < KILLS && running(); n += 1) {
        kills += 1;
        const killing = killAll();
        const id = `${name}-${n}`;
        const text = await post(cardAction(connector.url, 'survey.submit', { surveyId, lang: 'da', status: 'planned', ch2Date: '2026-03-03', vendor: 'Eksempel A/S' }, { id })).catch(() => '');
        await killing;
        if (/Tak — registreret/.test(text)) acknowledged.push(id);
        else if (/Det blev ikke gemt/.test(text)) refusedPolitely += 1;
      }
    };
    await Promise.all([writer('a'), writer('b')]).finally(() => operator.end());
    assert.deepEqual(uncaught, [], 'the bot is alive: nothing went uncaught');
    assert.ok(refusedPolitely > 0, 'some answers met a dropped connection and were refused politely');

    // Back to normal: a new answer is stored, and the instance leads again.
    const after = await post(cardAction(connector.url, 'survey.submit', { surveyId, lang: 'da', status: 'planned', ch2Date: '2026-04-04', vendor: 'Eksempel A/S' }, { id: 'after-the-storm' }));
    assert.match(after, /Tak — registreret: Aula skifter til Context Handler 2 den 4\. april 2026/);
    const leads = async () => ((await (await fetch(`${bot!.url}/healthz`)).json()) as { leader?: boolean }).leader === true;
    await until(leads, 'leadership to be taken again', 10_000);
    assert.equal(await leads(), true, 'leadership is taken again');

    // Every acknowledged answer is in the database: no receipt without a commit.
    const stored = new Set(
      (await storedAnswers(url)).map((event) => {
        const source = (event as { answer: { source: { activityId: string } } }).answer.source;
        return source.activityId;
      }),
    );
    assert.deepEqual(acknowledged.filter((id) => !stored.has(id)), [], 'acknowledged but not stored');
    assert.deepEqual(uncaught, [], 'still alive at the end: nothing went uncaught');
  });
});
