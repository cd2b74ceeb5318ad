import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLog } from '../../src/log.js';
import { JournalProjection } from '../../src/store/journal.js';
import { memoryStorage } from '../../src/store/memoryStorage.js';
import { openStorage } from '../../src/store/openStorage.js';
import type { Storage } from '../../src/store/storage.js';
import { starterData } from '../support/fixtures.js';
import { freshDatabase } from '../support/postgres.js';

/** Two handles on one backend: what two processes (or two instances) see. */
interface Backend {
  name: string;
  open(): Promise<{ one: Storage; other: Storage; done(): Promise<void> }>;
}

const log = createLog('silent');

const BACKENDS: Backend[] = [
  {
    name: 'files in DATA_DIR',
    async open() {
      const dir = await mkdtemp(path.join(tmpdir(), 'fki-contract-'));
      const one = await openStorage({ dataDir: dir }, log);
      const other = await openStorage({ dataDir: dir }, log);
      return { one, other, done: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const url = await freshDatabase();
      const one = await openStorage({ dataDir: '/nonexistent', databaseUrl: url, leaderPollMs: 200 }, log);
      const other = await openStorage({ dataDir: '/nonexistent', databaseUrl: url, leaderPollMs: 200 }, log);
      return { one, other, done: async () => Promise.all([one.close(), other.close()]).then(() => undefined) };
    },
  },
  {
    name: 'memory',
    async open() {
      const one = memoryStorage();
      return { one, other: one, done: async () => {} };
    },
  },
];

type Event = { n: number; by: string };

for (const backend of BACKENDS) {
  describe(`the storage contract: ${backend.name}`, function () {
    this.timeout(30_000);
    let one: Storage;
    let other: Storage;
    let done: () => Promise<void>;
    beforeEach(async () => {
      ({ one, other, done } = await backend.open());
    });
    afterEach(async () => {
      await done();
    });

    it('keeps the registry: empty until written, a new revision with every change, nothing written for no change', async () => {
      assert.equal(await one.registry.isEmpty(), true);
      assert.deepEqual(await one.registry.read(), { systems: [], deadlines: [] });
      assert.equal(await one.registry.update((_data, stored) => (stored.empty ? starterData() : null)), true);
      assert.equal(await other.registry.isEmpty(), false);
      assert.deepEqual(await other.registry.read(), starterData());
      const revision = await other.registry.revision();
      assert.equal(await other.registry.update(() => null), false);
      assert.equal(await one.registry.revision(), revision);
      await other.registry.update((data) => ({ ...data, systems: data.systems.slice(1) }));
      assert.notEqual(await one.registry.revision(), revision);
      assert.equal((await one.registry.read()).systems.length, starterData().systems.length - 1);
    });

    it('loses no registry change when two writers change it at once', async () => {
      await one.registry.update(() => ({ systems: [], deadlines: [] }));
      const add = (storage: Storage, n: number) =>
        storage.registry.update((data) => ({ ...data, systems: [...data.systems, { ...starterData().systems[0]!, name: `System ${n}`, aliases: [] }] }));
      await Promise.all(Array.from({ length: 12 }, (_, n) => add(n % 2 ? one : other, n)));
      assert.deepEqual((await one.registry.read()).systems.map((system) => system.name).sort(), Array.from({ length: 12 }, (_, n) => `System ${n}`).sort());
    });

    it('keeps a journal in order, and shows each writer the other\'s events first', async () => {
      const mine = one.journal<Event>('surveys');
      const theirs = other.journal<Event>('surveys');
      assert.deepEqual(await mine.open(), []);
      assert.deepEqual(await theirs.open(), []);
      await mine.transact(async (written, append) => {
        assert.deepEqual(written, []);
        await append({ n: 1, by: 'one' });
        await append({ n: 2, by: 'one' });
      });
      assert.equal(await theirs.changedSinceRead(), true);
      const seen = await theirs.transact(async (written, append) => {
        await append({ n: 3, by: 'other' });
        return written;
      });
      assert.deepEqual(seen.map((event) => event.n), [1, 2]);
      assert.deepEqual((await mine.readNew()).map((event) => event.n), [3]);
      assert.equal(await mine.changedSinceRead(), false);
      assert.deepEqual((await one.journal<Event>('surveys').open()).map((event) => event.n), [1, 2, 3]);
      assert.deepEqual(await one.journal<Event>('digest-outbox').open(), [], 'journals are kept apart');
    });

    it('lists the journals that hold events, a feature\'s own included', async () => {
      assert.deepEqual(await one.journalNames(), []);
      await one.journal<Event>('featureLog').transact(async (_written, append) => append({ n: 1, by: 'one' }));
      await one.journal<Event>('surveys').transact(async (_written, append) => append({ n: 2, by: 'one' }));
      assert.deepEqual((await other.journalNames()).sort(), ['featureLog', 'surveys']);
      assert.deepEqual(await other.journal<Event>('featureLog').open(), [{ n: 1, by: 'one' }]);
    });

    it('names a journal a feature opened before it holds anything, and refuses a name not every backend can keep', async () => {
      await one.journal<Event>('digest-outbox').open();
      assert.deepEqual(await one.journalNames(), ['digest-outbox']);
      for (const name of ['Digest', 'digest.outbox', '../surveys', 'a b', '']) {
        assert.throws(() => one.journal(name), /not a journal name/, name);
        assert.throws(() => one.keyed(name), /not a name for keyed records/, name);
      }
      assert.throws(() => one.document('registry', {}), /not a document name/, 'the registry is the store\'s own');
      assert.throws(() => one.document('admins.last-good', {}), /not a document name/);
    });

    it('records nothing of a journal transaction that fails', async () => {
      const journal = one.journal<Event>('sync-writeback');
      await journal.open();
      await assert.rejects(
        journal.transact(async (_written, append) => {
          if (backend.name !== 'PostgreSQL') throw new Error('before any append');
          await append({ n: 1, by: 'one' });
          throw new Error('after an append');
        }),
      );
      assert.deepEqual(await other.journal<Event>('sync-writeback').open(), []);
    });

    it('applies a transaction\'s events only once it is durable, and what others wrote exactly once even when the transaction fails', async () => {
      const applied: Event[] = [];
      const projection = await JournalProjection.open(one.journal<Event>('surveys'), (event) => applied.push(event));
      await other.journal<Event>('surveys').transact(async (_written, append) => append({ n: 1, by: 'other' }));
      await assert.rejects(
        projection.transact(async (append) => {
          await append({ n: 2, by: 'one' });
          assert.deepEqual(applied, [{ n: 1, by: 'other' }], 'not applied before the transaction is durable');
          throw new Error('the transaction fails after its append');
        }),
      );
      assert.deepEqual(applied, [{ n: 1, by: 'other' }], 'nothing of a failed transaction is applied');
      await projection.refresh();
      await projection.record({ n: 3, by: 'one' });
      // A file or memory keeps the line it wrote (read again now, once); PostgreSQL rolled it back.
      const durable = backend.name === 'PostgreSQL' ? [] : [{ n: 2, by: 'one' }];
      assert.deepEqual(applied, [{ n: 1, by: 'other' }, ...durable, { n: 3, by: 'one' }]);
      assert.deepEqual(await other.journal<Event>('surveys').open(), applied, 'memory is what the store holds');
    });

    it('keeps documents: defaults until changed, one change at a time, seen by the other', async () => {
      const defaults = { admins: [] as string[] };
      assert.deepEqual(await one.document('admins', defaults).read(), { admins: [] });
      await Promise.all(
        Array.from({ length: 10 }, (_, n) => (n % 2 ? one : other).document('admins', defaults).change((data) => (data.admins.push(`admin ${n}`), true))),
      );
      assert.equal((await other.document('admins', defaults).read()).admins.length, 10);
      assert.equal(await one.document('admins', defaults).change(() => false), false);
    });

    it('lists the documents that hold a value, whatever feature named them', async () => {
      assert.deepEqual(await one.documentNames(), []);
      await one.document('admins', { admins: [] as string[] }).change((data) => (data.admins.push('a'), true));
      await one.document('feature-settings', { on: false }).change((data) => ((data.on = true), true));
      await one.registry.update(() => starterData());
      assert.deepEqual((await other.documentNames()).sort(), ['admins', 'feature-settings'], 'the registry is no document');
      assert.deepEqual(await other.document('feature-settings', { on: false }).read(), { on: true });
    });

    it('keeps keyed records: each put and delete on its own, found by key and by a second key, seen by the other', async () => {
      type Chat = { user: string | null; n: number };
      const options = { indexBy: (chat: Chat) => chat.user };
      const mine = one.keyed<Chat>('chats', options);
      assert.equal(await mine.get('a'), undefined);
      await mine.put('a', { user: 'User-1', n: 1 });
      await mine.put('b', { user: null, n: 2 });
      assert.deepEqual(await mine.get('a'), { user: 'User-1', n: 1 });
      assert.deepEqual(await mine.findBy('user-1'), { user: 'User-1', n: 1 }, 'the second key is found in any case');
      const theirs = other.keyed<Chat>('chats', options);
      assert.deepEqual(await theirs.get('b'), { user: null, n: 2 });
      assert.deepEqual(await theirs.findBy('USER-1'), { user: 'User-1', n: 1 });
      await theirs.put('a', { user: 'user-2', n: 3 });
      assert.equal(await theirs.findBy('user-1'), undefined, 'a changed record leaves its old second key');
      assert.equal(await theirs.delete('b'), true);
      assert.equal(await theirs.delete('b'), false, 'a record deleted is gone');
      await theirs.flushed();
      const reopened = (backend.name === 'memory' ? one : other).keyed<Chat>('chats', options);
      assert.deepEqual((await reopened.entries()).sort(), [['a', { user: 'user-2', n: 3 }]]);
      assert.deepEqual(await reopened.findBy('user-2'), { user: 'user-2', n: 3 });
      assert.deepEqual(await one.keyedNames(), ['chats']);
      assert.deepEqual(await one.keyed<Chat>('others').entries(), [], 'collections are kept apart');
    });

    it('loses no keyed record when hundreds are put at once from two writers', async () => {
      const mine = one.keyed<{ n: number }>('burst');
      const theirs = other.keyed<{ n: number }>('burst');
      await Promise.all(Array.from({ length: 400 }, (_, n) => (n % 2 ? mine : theirs).put(`chat-${n}`, { n })));
      const seen = await one.keyed<{ n: number }>('burst', { readOnly: true }).entries();
      assert.equal(seen.length, 400);
      assert.equal(await (backend.name === 'memory' ? one : other).keyed<{ n: number }>('burst').size(), 400);
    });

    it('moves a whole document into keyed records once, and keeps the old document aside', async () => {
      type Sub = { conversationId: string; lang: string };
      const legacy = {
        document: 'subscriptions' as const,
        entries: (data: Record<string, unknown>) => Object.entries((data.subscriptions ?? {}) as Record<string, Sub>),
      };
      await one.document('subscriptions', { subscriptions: {} as Record<string, Sub> }).change((data) => {
        data.subscriptions['19:a'] = { conversationId: '19:a', lang: 'da' };
        data.subscriptions['19:b'] = { conversationId: '19:b', lang: 'en' };
        return true;
      });
      const moved = one.keyed<Sub>('subscriptions', { legacy });
      assert.deepEqual((await moved.entries()).map(([key]) => key).sort(), ['19:a', '19:b']);
      await moved.delete('19:a');
      await moved.flushed();
      assert.deepEqual(await other.document('subscriptions', { subscriptions: {} }).read(), { subscriptions: {} }, 'the document is moved aside');
      const again = other.keyed<Sub>('subscriptions', { legacy });
      assert.deepEqual((await again.entries()).map(([key]) => key), ['19:b'], 'moved once: a record deleted since stays deleted');
    });

    it('lets exactly one instance lead, and another take over when it stops', async () => {
      const first = await one.leadership();
      const second = await other.leadership();
      if (backend.name !== 'PostgreSQL') {
        assert.equal(first.isLeader() && second.isLeader(), true, 'with one instance, it always leads');
        return;
      }
      assert.equal([first.isLeader(), second.isLeader()].filter(Boolean).length, 1);
      const [leader, follower] = first.isLeader() ? [first, second] : [second, first];
      const elected = new Promise<void>((resolve) => follower.onElected(resolve));
      await leader.stop();
      await elected;
      assert.equal(follower.isLeader(), true);
    });
  });
}
