import assert from 'node:assert/strict';
import { BotHarness } from '../support/botHarness.js';
import { cardAction } from '../support/activities.js';
import { testData } from '../support/fixtures.js';
import { cliInProcess } from '../support/cli.js';

const ADMIN_ID = '00000000-0000-0000-0000-0000000000ad';

describe('the command line for surveys and administrators', function () {
  this.timeout(60_000);
  let bot: BotHarness;
  const cli = (...args: string[]) => cliInProcess(args, { DATA_DIR: bot.dataDir, ADMIN_AAD_OBJECT_IDS: ADMIN_ID });

  before(async () => {
    bot = await BotHarness.start({ data: testData(), env: { ADMIN_AAD_OBJECT_IDS: ADMIN_ID } });
    for (const system of ['Aula', 'FBS']) await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system, lang: 'da' }));
    const aula = bot.app.surveys.openFor('Aula')!;
    await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId: aula.id, status: 'planned', ch2Date: '2026-03-03', comment: 'Første; med "citat"\nog linjeskift' }));
    await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId: aula.id, status: 'planned', ch2Date: '2026-04-01' }));
    const answerId = aula.answers[1]!.id;
    await bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId: aula.id, answerId, lang: 'da' }, { from: { id: '29:a', name: 'Kirsten KOMBIT', aadObjectId: ADMIN_ID } }));
  });
  after(async () => {
    await bot.stop();
  });

  it('lists every survey with its state', async () => {
    const { code, stdout } = await cli('surveys', 'list');
    assert.equal(code, 0);
    assert.match(stdout, /Aula: godkendt \(Kirsten KOMBIT, 10\. februar 2025\); 1 har spurgt, 2 svar — Aula skifter til Context Handler 2 den 1\. april 2026\./);
    assert.match(stdout, /FBS: afventer svar; 1 har spurgt, 0 svar/);
  });

  it('exports the full history as CSV, one row per answer, and as JSON', async () => {
    const csv = await cli('surveys', 'export', '--format', 'csv');
    assert.equal(csv.code, 0);
    const lines = csv.stdout.trim().split('\n');
    assert.match(lines[0]!, /^surveyId;system;systemKnown;createdAt;requesters;answerId;submittedAt;submittedBy;channel;activityId;status;ch2Date/);
    assert.equal(csv.stdout.match(/;Aula;/g)?.length, 2, 'both of Aula\'s answers');
    assert.match(csv.stdout, /"Første; med ""citat""\nog linjeskift"/, 'text with the delimiter, quotes and line breaks is quoted');
    assert.match(csv.stdout, /;2026-04-01;.*;approved;Kirsten KOMBIT;/);
    const json = JSON.parse((await cli('surveys', 'export', '--format', 'json')).stdout) as { surveys: { system: string; answers: unknown[] }[] };
    assert.deepEqual(json.surveys.map((survey) => [survey.system, survey.answers.length]), [['Aula', 2], ['FBS', 0]]);
  });

  it('adds, lists and removes administrators, and refuses what is not an object id', async () => {
    const other = '11111111-2222-3333-4444-555555555555';
    assert.equal((await cli('admins', 'add', other)).code, 0);
    const list = await cli('admins', 'list');
    assert.match(list.stdout, new RegExp(`${ADMIN_ID}  \\(ADMIN_AAD_OBJECT_IDS\\)`));
    assert.match(list.stdout, new RegExp(`${other}  \\(cli\\)`));
    assert.equal(await bot.app.admins.isAdmin(other), true, 'the running bot sees the new administrator');
    const removed = await cli('admins', 'remove', other);
    assert.equal(removed.code, 0);
    assert.equal(await bot.app.admins.isAdmin(other), false);
    const bad = await cli('admins', 'add', 'alex@kommune.dk');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /er ikke et Azure AD-objekt-id/);
    assert.equal((await cli('admins', 'promote', other)).code, 2);
  });
});
