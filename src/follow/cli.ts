import { CliUsageError, EXIT, type CliCommand } from '../app/contributions.js';
import type { Storage } from '../store/storage.js';
import { FOLLOW_JOURNAL, Follows, targetName, type FollowEvent } from './follows.js';

async function replay(storage: Storage): Promise<{ follows: Follows; events: FollowEvent[] }> {
  const events = await storage.journal<FollowEvent>(FOLLOW_JOURNAL).open();
  const follows = new Follows();
  for (const event of events) follows.apply(event);
  return { follows, events };
}

/** `cli follows stats` (how many follow each item, no names) and `cli follows export --user` (one person's own events). */
export const followCommands: CliCommand[] = [
  {
    name: 'follows stats',
    args: '',
    summary: 'how many people follow each system, KLIK task and solution (counts only, no names)',
    seeds: false,
    run: async (_args, io) => {
      const { follows } = await replay(io.storage);
      const counts = [...follows.counts().values()].filter(({ followers }) => followers > 0).sort((a, b) => b.followers - a.followers || targetName(a.target).localeCompare(targetName(b.target), 'da'));
      const people = [...follows.people.values()].filter((person) => person.follows.size > 0).length;
      io.out(`${people} ${people === 1 ? 'person follows' : 'people follow'} ${counts.length} ${counts.length === 1 ? 'item' : 'items'}`);
      for (const { target, followers } of counts) io.out(`${followers}\t${target.kind}\t${targetName(target)}`);
      return EXIT.ok;
    },
  },
  {
    name: 'follows export',
    args: '--user ID',
    summary: "every follow event of one person (Entra ID object id or Teams user id), one JSON line each: a data-subject request",
    options: { user: { type: 'string' } },
    seeds: false,
    run: async (args, io) => {
      const user = args.values.user;
      if (typeof user !== 'string' || user.trim() === '') throw new CliUsageError('follows export needs --user ID');
      const { events } = await replay(io.storage);
      for (const event of events) if ('person' in event && event.person === user.trim()) io.out(JSON.stringify(event));
      return EXIT.ok;
    },
  },
];
