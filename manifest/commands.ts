import type { HelpExample, Scope } from '../src/app/contributions.js';
import type { Feature } from '../src/app/feature.js';
import { helpExamplesOf } from '../src/help/examples.js';

/** Teams' limits on a bot's command menu (per scope), and on a command's title and description. */
export const MENU_LIMITS = { commandsPerScope: 10, title: 32, description: 128 } as const;
const SCOPES: readonly Scope[] = ['personal', 'team', 'groupChat'];

export interface CommandList {
  scopes: Scope[];
  commands: { title: string; description: string }[];
}

/**
 * The bot's `commandLists`, in Danish (the manifest's default language), from the help examples the
 * features offer in the menu; scopes offered the same commands share one list. Throws, naming the
 * command, when a limit of Teams is broken.
 */
export function commandListsOf(features: readonly Feature[]): { lists: CommandList[]; english: Record<string, string> } {
  const menu = helpExamplesOf(features).filter((example) => example.menu === true);
  const problems = menu.flatMap(problemsOf);
  const byScope = new Map<Scope, HelpExample[]>(SCOPES.map((scope) => [scope, menu.filter((example) => (example.scopes ?? SCOPES).includes(scope))]));
  for (const [scope, examples] of byScope) {
    if (examples.length > MENU_LIMITS.commandsPerScope) problems.push(`${examples.length} commands in the ${scope} menu; Teams shows at most ${MENU_LIMITS.commandsPerScope}`);
  }
  if (problems.length > 0) throw new Error(`The help examples do not fit Teams' command menu:\n  ${problems.join('\n  ')}`);
  const lists: { scopes: Scope[]; examples: HelpExample[] }[] = [];
  for (const [scope, examples] of byScope) {
    if (examples.length === 0) continue;
    const same = lists.find((list) => list.examples.length === examples.length && list.examples.every((example, at) => example === examples[at]));
    if (same) same.scopes.push(scope);
    else lists.push({ scopes: [scope], examples });
  }
  const english: Record<string, string> = {};
  lists.forEach((list, l) =>
    list.examples.forEach((example, c) => {
      english[`bots[0].commandLists[${l}].commands[${c}].title`] = example.en.title;
      english[`bots[0].commandLists[${l}].commands[${c}].description`] = example.en.description ?? '';
    }),
  );
  const danish = lists.map((list) => ({ scopes: list.scopes, commands: list.examples.map((example) => ({ title: example.da.title, description: example.da.description ?? '' })) }));
  return { lists: danish, english };
}

function problemsOf(example: HelpExample): string[] {
  const problems: string[] = [];
  for (const lang of ['da', 'en'] as const) {
    const { title, description } = example[lang];
    if (title.length > MENU_LIMITS.title) problems.push(`"${title}" is ${title.length} characters; a command title may have ${MENU_LIMITS.title}`);
    if (!description) problems.push(`"${title}" has no description`);
    else if (description.length > MENU_LIMITS.description) problems.push(`the description of "${title}" is ${description.length} characters; at most ${MENU_LIMITS.description}`);
  }
  return problems;
}
