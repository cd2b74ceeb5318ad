import type { DigestView } from '../src/deadlines/present.js';
import { renderCard, type AdaptiveCard } from './render.js';

/** The weekly digest: sections of lines, a heading per week under "due soon". */
export function digestCard(view: DigestView): AdaptiveCard {
  return renderCard('digest', view);
}
