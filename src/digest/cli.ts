import { EXIT, type CliCommand } from '../app/contributions.js';
import { problemText } from '../i18n/problems.js';
import { readSurveys } from '../surveys/cli.js';
import { calendarDayAt, parseCalendarDate } from '../time/calendarDate.js';
import { digestText } from './compose.js';

/** `digest`: this week's digest as text, as a subscribed channel would get it on the day given. */
export const digestCommands: CliCommand[] = [
  {
    name: 'digest',
    args: '[--as-of YYYY-MM-DD] [--lang da|en]',
    summary: "This week's digest as text (deadlines, switches, open surveys).",
    options: { 'as-of': { type: 'string' } },
    async run({ values, lang = 'da' }, io) {
      const asOf = values['as-of'];
      const day = typeof asOf === 'string' ? parseCalendarDate(asOf) : calendarDayAt(io.clock.now());
      if (day === null) {
        io.err(`"${String(asOf)}" ${problemText('INVALID_DATE', lang)}`);
        return EXIT.badInput;
      }
      const data = await io.storage.registry.read();
      const open = (await readSurveys(io.storage)).filter((survey) => survey.review === null);
      io.out(digestText(data, open, day, lang));
      return EXIT.ok;
    },
  },
];
