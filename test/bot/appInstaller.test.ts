import assert from 'node:assert/strict';
import { appInstallerSettings, GraphAppInstaller, type AppInstallerSettings } from '../../bot/appInstaller.js';
import { captureLog } from '../support/logCapture.js';
import { StandInGraph } from '../support/standInGraph.js';

const PERSON = '00000000-0000-0000-0000-0000000000b2';
const INSTALLED_APPS = `/v1.0/users/${PERSON}/teamwork/installedApps`;

describe('The edge installs the app for a person through Microsoft Graph', function () {
  this.timeout(20_000);
  let graph: StandInGraph;
  let waits: number[];
  const logged = captureLog();

  beforeEach(async () => {
    graph = await new StandInGraph().start();
    waits = [];
  });
  afterEach(() => graph.stop());

  function installer(settings: Partial<AppInstallerSettings> = {}): GraphAppInstaller {
    const env = { GRAPH_BASE_URL: graph.url, GRAPH_ACCESS_TOKEN: 'token', MicrosoftAppId: 'manifest-app-id' };
    const given = { ...appInstallerSettings(env)!, ...settings };
    return new GraphAppInstaller(given, logged.log, { sleep: async (ms) => void waits.push(ms) });
  }
  const posts = () => graph.requests.filter(({ method }) => method === 'POST').map(({ path }) => path);

  it('posts the catalog app, found by the manifest id, to the person\'s installed apps', async () => {
    graph.appCatalog = [
      { id: 'other-catalog-id', externalId: 'another-app' },
      { id: 'catalog-id-1', externalId: 'manifest-app-id' },
    ];
    assert.equal(await installer().install(PERSON, 'tenant-kombit'), 'installed');
    assert.deepEqual(graph.writes, [{ method: 'POST', path: INSTALLED_APPS, body: { 'teamsApp@odata.bind': `${graph.url}/v1.0/appCatalogs/teamsApps/catalog-id-1` } }]);
  });

  it('uses TEAMS_APP_CATALOG_ID as it is, and the manifest id where the catalog does not list the app', async () => {
    assert.equal(await installer({ catalogAppId: 'set-catalog-id' }).install(PERSON, null), 'installed');
    assert.equal(graph.requests.filter(({ method }) => method === 'GET').length, 0, 'no look-up');
    assert.equal(await installer().install(PERSON, null), 'installed');
    assert.deepEqual(
      graph.writes.map(({ body }) => body),
      [{ 'teamsApp@odata.bind': `${graph.url}/v1.0/appCatalogs/teamsApps/set-catalog-id` }, { 'teamsApp@odata.bind': `${graph.url}/v1.0/appCatalogs/teamsApps/manifest-app-id` }],
    );
  });

  it('takes 409 as installed already, and 403 as the tenant refusing', async () => {
    const app = installer({ catalogAppId: 'c' });
    graph.failNext = [409];
    assert.equal(await app.install(PERSON, null), 'installed');
    graph.failNext = [403];
    assert.equal(await app.install(PERSON, null), 'refused');
    assert.deepEqual(posts(), [INSTALLED_APPS, INSTALLED_APPS], 'neither is tried again');
    assert.deepEqual(waits, []);
  });

  it('tries again on 429 and 5xx after Retry-After, and says failed once the tries are used up', async () => {
    const app = installer({ catalogAppId: 'c' });
    graph.throttleNext = 1;
    graph.failNext = [503, 500];
    assert.equal(await app.install(PERSON, null), 'installed');
    assert.equal(posts().length, 4);
    assert.deepEqual(waits, [0, 0, 0]);
    assert.equal(graph.writes.length, 1);

    graph.failNext = [502, 502, 502, 502, 502];
    assert.equal(await app.install(PERSON, null), 'failed');
    assert.equal(posts().length, 8, 'four tries');
    assert.ok(logged.messages().some((message) => message.includes('tried again later')));
  });

  it('is offered only with a Graph credential and an app to install', () => {
    assert.equal(appInstallerSettings({ MicrosoftAppId: 'app' }), null);
    assert.equal(appInstallerSettings({ GRAPH_ACCESS_TOKEN: 'token' }), null);
    assert.equal(appInstallerSettings({ GRAPH_CLIENT_ID: 'id', GRAPH_CLIENT_SECRET: 's', TEAMS_APP_CATALOG_ID: 'c' })?.catalogAppId, 'c');
  });
});
