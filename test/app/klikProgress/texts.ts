import type { Lang } from '../../../src/i18n/language.js';

/** What the KLIK progress feature says, in both languages. */
export const progressTexts: Record<Lang, {
  marked(task: string): string;
  unmarked(task: string): string;
  unknownTask(code: string): string;
  noOrganisation: string;
  button(task: string, done: boolean): string;
  sectionHeading: string;
  sectionLine(done: number): string;
}> = {
  da: {
    marked: (task) => `${task} er markeret som færdig for jeres kommune.`,
    unmarked: (task) => `${task} er ikke længere markeret som færdig.`,
    unknownTask: (code) => `Jeg kender ingen KLIK-opgave ${code}. Intet er ændret.`,
    noOrganisation: 'Jeg kan ikke se, hvilken kommune du hører til, så jeg har ikke markeret noget.',
    button: (task, done) => (done ? `${task} færdig ✓` : `Marker ${task} færdig`),
    sectionHeading: 'Jeres KLIK-opgaver',
    sectionLine: (done) => `${done} markeret færdig`,
  },
  en: {
    marked: (task) => `${task} is marked done for your municipality.`,
    unmarked: (task) => `${task} is no longer marked done.`,
    unknownTask: (code) => `I know of no KLIK task ${code}. Nothing was changed.`,
    noOrganisation: 'I cannot tell which municipality you belong to, so nothing was marked.',
    button: (task, done) => (done ? `${task} done ✓` : `Mark ${task} done`),
    sectionHeading: 'Your KLIK tasks',
    sectionLine: (done) => `${done} marked done`,
  },
};
