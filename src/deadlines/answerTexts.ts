import type { Lang } from '../i18n/language.js';

/** Texts of deadline answers beside the digest's own (texts.ts). */
export const ANSWER_TEXTS = {
  da: {
    nextAfterHeading: 'Næste frist derefter',
    nextDeadline: 'Næste frist',
    notInSources: 'Om der er nogen, fremgår ikke af mine kilder.',
    noneLater: 'Næste frist derefter: ikke kendt. Mine kilder nævner ingen senere frister.',
  },
  en: {
    nextAfterHeading: 'The next deadline after that',
    nextDeadline: 'The next deadline',
    notInSources: 'Whether there is any is not known: my sources do not say.',
    noneLater: 'The next deadline after that: not known. My sources give no later deadline.',
  },
} satisfies Record<Lang, unknown>;
