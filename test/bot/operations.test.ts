import assert from 'node:assert/strict';
import { mkdir, rename, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { cardAction, personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { SHAREPOINT_COLUMNS, testData } from '../support/fixtures.js';
import { StandInGraph } from '../support/standInGraph.js';

/** A counter's value in Prometheus' text format, 0 when it has not been counted yet. */
function counter(text: string, name: string, labels: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('operating the bot: /metrics and /healthz', function () {
  this.timeout(30_000);

  it('counts answers, card actions, survey answers, digests and outbound retries in Prometheus\' format', async () => {
    const bot = await BotHarness.start({ data: testData() });
    try {
      const scrape = async () => {
        const response = await fetch(`${bot.server.url}/metrics`);
        assert.match(String(response.headers.get('content-type')), /^text\/plain; version=0\.0\.4/);
        return response.text();
      };
      const before = await scrape();
      await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter SAPA til CH2?'));
      await bot.post(personalMessage(bot.serviceUrl, 'hvad synes du om vejret'));
      await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
      const surveyId = bot.app.surveys.openFor('Aula')!.id;
      await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId, lang: 'da', status: 'undecided' }));
      await bot.post(cardAction(bot.serviceUrl, 'no.such.verb', {}));
      // botbuilder's own pipeline tries each call a few times; fail past that, so that the notifier tries again.
      let failures = 6;
      bot.connector.failWith = (conversationId) => (conversationId === 'a:personal-chat-alex' && failures-- > 0 ? { status: 503, headers: { 'retry-after': '0' } } : null);
      bot.app.notifier.toConversation('a:personal-chat-alex', { text: 'x' });
      await bot.settled();
      const after = await scrape();
      const grew = (name: string, labels: string) => counter(after, name, labels) - counter(before, name, labels);
      assert.equal(grew('fki_answers_total', 'understood="true"'), 1);
      assert.equal(grew('fki_answers_total', 'understood="false"'), 1);
      assert.equal(grew('fki_card_actions_total', 'verb="survey.submit"'), 1);
      assert.equal(grew('fki_card_actions_total', 'verb="unknown"'), 1, 'a made-up verb is not a label of its own');
      assert.equal(grew('fki_survey_answers_total', 'channel="teams"'), 1);
      assert.ok(grew('fki_outbound_retries_total', 'target="teams"') >= 1);
      assert.match(after, /# TYPE fki_digests_total counter/);
      assert.match(after, /fki_process_resident_memory_bytes \d+/);
    } finally {
      await bot.stop();
    }
  });

  it('says 503 when a journal cannot be read, and reports a failing sync without failing itself', async () => {
    const graph = await new StandInGraph().start();
    graph.columns = SHAREPOINT_COLUMNS.filter((column) => column.displayName !== 'CH2-dato');
    const bot = await BotHarness.start({ data: testData(), env: { GRAPH_BASE_URL: `${graph.url}/`, GRAPH_ACCESS_TOKEN: 't', GRAPH_SITE_ID: graph.siteId, GRAPH_LIST_ID: graph.listId } });
    try {
      await bot.app.syncNow('da');
      const health = async () => {
        const response = await fetch(`${bot.server.url}/healthz`);
        return { status: response.status, body: (await response.json()) as { ok: boolean; journals: Record<string, { ok: boolean; problem: string | null }>; sync: { ok: boolean; lastRun: { problem: string } } } };
      };
      const failingSync = await health();
      assert.equal(failingSync.status, 200);
      assert.equal(failingSync.body.sync.ok, false);
      assert.match(failingSync.body.sync.lastRun.problem, /Listen mangler kolonnerne: CH2-dato/);

      // A journal that cannot be read (a folder where the file should be: unreadable even to root).
      await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
      const journal = path.join(bot.dataDir, 'surveys.jsonl');
      await rename(journal, `${journal}.aside`);
      await mkdir(journal);
      const unreadable = await health();
      await rmdir(journal);
      await rename(`${journal}.aside`, journal);
      assert.equal(unreadable.status, 503);
      assert.equal(unreadable.body.journals.surveys?.ok, false);
    } finally {
      await bot.stop();
      await graph.stop();
    }
  });
});
