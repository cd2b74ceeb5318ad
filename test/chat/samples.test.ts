import assert from 'node:assert/strict';
import { createCore } from '../../src/app/core.js';
import { silentNotifier } from '../../src/app/offline.js';
import { startFeatures } from '../../src/app/start.js';
import { FEATURES } from '../../src/app/features.js';
import { Router } from '../../src/chat/router.js';
import type { ChatTurn } from '../../src/chat/types.js';
import { chatTurn } from '../../src/chat/turn.js';
import { loadConfig } from '../../src/config.js';
import { createLog } from '../../src/log.js';
import { memoryStorage } from '../../src/store/memoryStorage.js';
import { MemoryRegistryStore } from '../../src/store/registryStore.js';
import { fixedClock } from '../../src/time/clock.js';
import { starterData } from '../support/fixtures.js';
import { sampleClaims } from '../support/sampleClaims.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';

describe('sample phrases: each feature answers the phrases it declares', function () {
  this.timeout(30_000);
  const folder = temporaryFolderPerTest('samples');

  /** The app's features started on the starter data, registered in one router, with the feature that owns each route. */
  async function appRouter() {
    const env = { DATA_DIR: folder.path, LOG_LEVEL: 'silent', DIGEST_SUBSCRIBE_TEAMS_ON_INSTALL: 'false' };
    const [storage, clock, log] = [memoryStorage(new MemoryRegistryStore(starterData())), fixedClock('2025-02-10T09:00:00+01:00'), createLog('silent')];
    const { registry } = await createCore({ log, clock, storage });
    const started = await startFeatures({ config: loadConfig(env), env, storage, registry, clock, log, notifier: silentNotifier, dataDir: folder.path }, FEATURES);
    // Each feature's routes follow one another in the router: note who registered up to where.
    const router = new Router();
    const owners: string[] = [];
    started.register(router, (feature) => {
      while (owners.length < router.samples().length) owners.push(feature);
    });
    return { router, owners };
  }

  it('answers every sample of every feature with that feature, and no two features claim one', async () => {
    const { router, owners } = await appRouter();
    assert.equal(owners.length, router.samples().length, 'every route has the feature that registered it');
    assert.deepEqual(await sampleClaims(router, (route) => owners[route] ?? `route #${route}`), []);
  });

  it('answers every help example (a button of the help card, a command of the menu) with the feature that offers it', async () => {
    const { router, owners } = await appRouter();
    const problems: string[] = [];
    for (const feature of FEATURES) {
      for (const example of feature.help) {
        for (const lang of ['da', 'en'] as const) {
          const title = example[lang].title;
          const answered = await router.routeExplained(chatTurn(title, { lang, conversation: { id: 'help' }, user: { id: 'help' } }));
          const by = answered.route === null ? null : owners[answered.route];
          if (by !== feature.name) problems.push(`"${title}" is offered by ${feature.name} but answered by ${by ?? 'no single feature'}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('fails, naming both features, when two features claim one sample phrase', async () => {
    const router = new Router();
    const mentions = (word: string) => (turn: ChatTurn) => (turn.words.some((w) => w.folded === word) ? true : null);
    // "deadlines" takes any message with "frist", so the sample of "klik" behind it never reaches "klik".
    router.message(mentions('frist'), () => ({ text: 'deadlines' }), { samples: { da: ['frist i marts?', 'frist for KLIK?'], en: [] } });
    router.message(mentions('klik'), () => ({ text: 'klik' }), { samples: { da: ['frist for KLIK?', 'KLIK-opgaver'], en: [] } });
    router.message(() => null, () => ({ text: 'never' }), { samples: { da: [], en: ['nothing'] } });
    const owners = ['deadlines', 'klik', 'nobody'];
    assert.deepEqual(await sampleClaims(router, (route) => owners[route]!), [
      '"frist for KLIK?" is declared by both deadlines and klik',
      '"frist for KLIK?" is claimed by klik, which declares it, and deadlines, which answers it',
      '"nothing" of nobody is answered by no single feature (not understood)',
    ]);
  });
});
