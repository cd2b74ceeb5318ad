import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';

/** An Adaptive Card as JSON, ready to attach to a message. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body: unknown[];
  [property: string]: unknown;
}

export const CARD_TEMPLATES = ['answer', 'help', 'message', 'link', 'survey', 'receipt', 'review', 'surveyList', 'digest'] as const;
export type CardTemplateName = (typeof CARD_TEMPLATES)[number];

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

const templates = new Map<CardTemplateName, ACData.Template>();

function templateOf(name: CardTemplateName): ACData.Template {
  let template = templates.get(name);
  if (!template) {
    const json: unknown = JSON.parse(readFileSync(new URL(`./templates/${name}.json`, import.meta.url), 'utf8'));
    template = new ACData.Template(json);
    templates.set(name, template);
  }
  return template;
}

let unboundFields: string[] = [];
// The templating library leaves an unbound `${field}` in the card as literal text; record it instead.
// Its settings are global to the library: set before every expansion, so no other copy of this
// module loaded in the same process can take the hook over.
const recordUnbound = (path: string) => {
  unboundFields.push(path);
  return '';
};

/**
 * Expands a template from `cards/templates` with data. Data values are inserted as they are, never
 * evaluated; a template field the data does not bind is a bug and throws rather than showing "${…}".
 * Every Action.Execute gets its Action.Submit fallback here, so a template writes each button once.
 */
export function renderCard(name: CardTemplateName, data: object): AdaptiveCard {
  unboundFields = [];
  ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = recordUnbound;
  const card = templateOf(name).expand({ $root: data }) as AdaptiveCard;
  if (unboundFields.length > 0) throw new Error(`Card "${name}" has unbound fields: ${unboundFields.join(', ')}`);
  addSubmitFallbacks(card);
  return card;
}

/**
 * Clients older than Adaptive Cards 1.4 (and some Teams surfaces) cannot run Action.Execute: they fall
 * back to an Action.Submit with the same title and data, which arrives as a message whose `value`
 * carries the verb, and is routed like the invoke.
 */
function addSubmitFallbacks(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) addSubmitFallbacks(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const element = node as Record<string, unknown>;
  if (element.type === 'Action.Execute' && element.fallback === undefined) {
    const data = { ...(element.data as Record<string, unknown> | undefined), verb: element.verb };
    element.data = data;
    element.fallback = { type: 'Action.Submit', title: element.title, data, ...(element.style ? { style: element.style } : {}) };
  }
  for (const [key, value] of Object.entries(element)) if (key !== 'fallback') addSubmitFallbacks(value);
}
