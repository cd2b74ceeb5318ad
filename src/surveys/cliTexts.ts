import type { Lang } from '../i18n/language.js';

/** The texts of the surveys' and administrators' CLI commands, in Danish and English. */
interface SurveyCliTexts {
  asked: string;
  answers: string;
  noAdmins: string;
  notAnObjectId(id: string): string;
  added(id: string): string;
  alreadyAdmin(id: string): string;
  removed(id: string): string;
  setInEnvironment(id: string): string;
  notAdmin(id: string): string;
}

const da: SurveyCliTexts = {
  asked: 'har spurgt',
  answers: 'svar',
  noAdmins: 'Ingen administratorer.',
  notAnObjectId: (id) => `"${id}" er ikke et Azure AD-objekt-id (en GUID).`,
  added: (id) => `Tilføjet: ${id}`,
  alreadyAdmin: (id) => `${id} er allerede administrator.`,
  removed: (id) => `Fjernet: ${id}`,
  setInEnvironment: (id) => `${id} står i ADMIN_AAD_OBJECT_IDS; fjern det der.`,
  notAdmin: (id) => `${id} er ikke administrator.`,
};

const en: SurveyCliTexts = {
  asked: 'asked',
  answers: 'answers',
  noAdmins: 'No administrators.',
  notAnObjectId: (id) => `"${id}" is not an Azure AD object id (a GUID).`,
  added: (id) => `Added: ${id}`,
  alreadyAdmin: (id) => `${id} is already an administrator.`,
  removed: (id) => `Removed: ${id}`,
  setInEnvironment: (id) => `${id} is set in ADMIN_AAD_OBJECT_IDS; remove it there.`,
  notAdmin: (id) => `${id} is not an administrator.`,
};

const TEXTS: Record<Lang, SurveyCliTexts> = { da, en };

export function surveyCliTexts(lang: Lang): SurveyCliTexts {
  return TEXTS[lang];
}
