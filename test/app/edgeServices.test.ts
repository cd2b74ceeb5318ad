import assert from 'node:assert/strict';
import { defineFeature } from '../../src/app/feature.js';
import { optional, PersonalChatInstallerService, provided, type PersonalChatInstaller } from '../../src/app/services.js';
import { startFeatures, startOrder } from '../../src/app/start.js';
import { createCore } from '../../src/app/core.js';
import { silentNotifier } from '../../src/app/offline.js';
import { loadConfig } from '../../src/config.js';
import { createLog } from '../../src/log.js';
import { memoryStorage } from '../../src/store/memoryStorage.js';
import { MemoryRegistryStore } from '../../src/store/registryStore.js';
import { fixedClock } from '../../src/time/clock.js';
import { testData } from '../support/fixtures.js';
import { BotHarness } from '../support/botHarness.js';
import { FEATURES } from '../../src/app/features.js';

/** A feature that reaches people without a 1:1 chat through the edge's installer, when there is one. */
const reacher = defineFeature({
  name: 'reacher',
  uses: [optional(PersonalChatInstallerService)],
  state: async (context) => ({ installer: context.useOptional(PersonalChatInstallerService) }),
});

async function start(edge: Parameters<typeof startFeatures>[2]) {
  const log = createLog('silent');
  const clock = fixedClock('2025-02-10T09:00:00+01:00');
  const storage = memoryStorage(new MemoryRegistryStore(testData()));
  const { registry } = await createCore({ log, clock, storage });
  return startFeatures({ config: loadConfig({}), storage, registry, clock, log, notifier: silentNotifier, env: {}, dataDir: '/nonexistent' }, [reacher], edge);
}

describe('the edge service that installs the app for a person', () => {
  it('reaches a feature that uses it where the edge provides it, and is absent (not an error) where it does not', async () => {
    const asked: string[] = [];
    const installer: PersonalChatInstaller = {
      install: async (aadObjectId) => {
        asked.push(aadObjectId);
        return 'installed';
      },
    };
    const withInstaller = (await start([provided(PersonalChatInstallerService, installer)])).stateOf(reacher).installer;
    assert.ok(withInstaller);
    assert.equal(await withInstaller.install('00000000-0000-0000-0000-0000000000a1', 'tenant-kombit'), 'installed');
    assert.deepEqual(asked, ['00000000-0000-0000-0000-0000000000a1']);
    assert.equal((await start([])).stateOf(reacher).installer, undefined);
    assert.deepEqual(startOrder([reacher]).map((feature) => feature.name), ['reacher']);
  });

  it('is handed to the bot by whoever starts it (the edge), beside the bot\'s own services', async () => {
    const installer: PersonalChatInstaller = { install: async () => 'refused' };
    const bot = await BotHarness.start({ features: [...FEATURES, reacher], edge: [provided(PersonalChatInstallerService, installer)] });
    try {
      assert.equal(bot.app.stateOf(reacher).installer, installer);
    } finally {
      await bot.stop();
    }
  });
});
