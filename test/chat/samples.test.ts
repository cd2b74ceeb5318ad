import assert from 'node:assert/strict';
import { offlineRouter } from '../../src/app/offline.js';
import { FEATURES } from '../../src/app/features.js';
import { Router } from '../../src/chat/router.js';
import type { ChatTurn } from '../../src/chat/types.js';
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

  it('answers every sample of every feature with that feature, and no two features claim one', async () => {
    const env = { DATA_DIR: folder.path, LOG_LEVEL: 'silent', DIGEST_SUBSCRIBE_TEAMS_ON_INSTALL: 'false' };
    const start = (features: typeof FEATURES) =>
      offlineRouter({ config: loadConfig(env), env, storage: memoryStorage(new MemoryRegistryStore(starterData())), clock: fixedClock('2025-02-10T09:00:00+01:00'), log: createLog('silent'), features });
    // The app registers the features in the order of the list, so the routes of each follow one another.
    const owners: string[] = [];
    for (const feature of FEATURES) {
      const { router } = await start([feature]);
      for (const _route of router.samples()) owners.push(feature.name);
    }
    const { router } = await start(FEATURES);
    assert.equal(router.samples().length, owners.length, 'the app has the routes of its features');
    assert.deepEqual(await sampleClaims(router, (route) => owners[route] ?? `route #${route}`), []);
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
