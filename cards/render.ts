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
 */
export function renderCard(name: CardTemplateName, data: object): AdaptiveCard {
  unboundFields = [];
  ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = recordUnbound;
  const card = templateOf(name).expand({ $root: data }) as AdaptiveCard;
  if (unboundFields.length > 0) throw new Error(`Card "${name}" has unbound fields: ${unboundFields.join(', ')}`);
  return card;
}
