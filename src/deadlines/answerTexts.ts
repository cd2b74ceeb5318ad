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

/** Next steps under a deadline answer, and the help's examples asked of the data in use. */
export const NEXT_STEP_TEXTS = {
  da: {
    deadlinesFor: (solution: string) => `Frister for ${solution}`,
    deadlinesForQuestion: (solution: string) => `frister for ${solution}`,
    switchOf: (system: string) => `Hvornår skifter ${system}?`,
    switchOfQuestion: (system: string) => `hvornår skifter ${system} til CH2?`,
    nextWeek: 'Hvad sker der i næste uge?',
    nextWeekQuestion: 'hvad sker der i næste uge?',
    inMonthQuestion: (month: string) => `hvilke frister er der i ${month}?`,
    codeQuestion: (code: string) => `hvornår er fristen for ${code}?`,
  },
  en: {
    deadlinesFor: (solution: string) => `Deadlines for ${solution}`,
    // Plainly English however Danish the solution's name is ("SAPA og Borgerblikket"): the words decide the language.
    deadlinesForQuestion: (solution: string) => `which deadlines are there for ${solution}?`,
    switchOf: (system: string) => `When does ${system} switch?`,
    switchOfQuestion: (system: string) => `when does ${system} switch to CH2?`,
    nextWeek: 'What happens next week?',
    nextWeekQuestion: 'what happens next week?',
    inMonthQuestion: (month: string) => `which deadlines are there in ${month}?`,
    codeQuestion: (code: string) => `when is the deadline for ${code}?`,
  },
} satisfies Record<Lang, unknown>;
