import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';

/** An Adaptive Card as JSON, ready to attach to a message. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body: unknown[];
  [property: string]: unknown;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * An Adaptive Card template (JSON, version 1.5) that a feature keeps in its own folder and names by
 * its URL: `cardTemplate(new URL('./cards/survey.json', import.meta.url))`. Read once, when first used.
 */
export class CardTemplate {
  private template: ACData.Template | null = null;

  constructor(readonly file: URL) {}

  get name(): string {
    return this.file.pathname.split('/').pop()?.replace(/\.json$/, '') ?? this.file.pathname;
  }

  expand(data: object): unknown {
    this.template ??= new ACData.Template(JSON.parse(readFileSync(this.file, 'utf8')) as unknown);
    return this.template.expand({ $root: data });
  }
}

export function cardTemplate(file: URL): CardTemplate {
  return new CardTemplate(file);
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
 * Expands a feature's template with the view it hands over. Data values are inserted as they are, never
 * evaluated; a template field the data does not bind is a bug and throws rather than showing "${…}".
 * Every Action.Execute gets its Action.Submit fallback here, so a template writes each button once.
 */
export function renderCard(template: CardTemplate, data: object): AdaptiveCard {
  unboundFields = [];
  ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = recordUnbound;
  const card = template.expand(data) as AdaptiveCard;
  if (unboundFields.length > 0) throw new Error(`Card "${template.name}" has unbound fields: ${unboundFields.join(', ')}`);
  addSubmitFallbacks(card);
  return card;
}

/**
 * Clients older than Adaptive Cards 1.4 (and some Teams surfaces) cannot run Action.Execute: they fall
 * back to an Action.Submit with the same title and data, which arrives as a message whose `value`
 * carries the verb, and is routed like the invoke.
 */
export function addSubmitFallbacks(node: unknown): void {
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
  for (const key in element) if (key !== 'fallback' && typeof element[key] === 'object') addSubmitFallbacks(element[key]);
}
