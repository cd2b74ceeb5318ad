import type { Lang } from './language.js';

/**
 * The texts of the chat itself, whatever the feature: not understood, an unknown or unreadable
 * button, too long, administrators only, something went wrong. Features keep their own texts.
 */
interface ChatMessages {
  notUnderstood: string;
  unknownAction: string;
  tooLong(max: number): string;
  badAction: string;
  /** "Kun KOMBITs administratorer kan synkronisere listen. Intet er ændret." */
  adminsOnly(what: string): string;
  somethingWrong: string;
  /** The store could not take a write (a full disk, a database gone): nothing was recorded. */
  notSaved: string;
}

const da: ChatMessages = {
  notUnderstood: 'Det forstod jeg ikke helt. Jeg kan svare på hvornår systemer skifter til Context Handler 2 og STS 2, og på KLIK-frister, aftaler og møder. Prøv fx:',
  unknownAction: 'Den knap kender jeg ikke (længere). Skriv "hjælp" for at se hvad jeg kan.',
  tooLong: (max) => `Beskeden er for lang til mig (over ${max.toLocaleString('da-DK')} tegn). Stil et kort spørgsmål, fx "Hvornår skifter Aula?".`,
  badAction: 'Knappen sendte noget jeg ikke kan læse. Intet er ændret; prøv igen fra et nyt kort.',
  adminsOnly: (what) => `Kun KOMBITs administratorer kan ${what}. Intet er ændret.`,
  somethingWrong: 'Beklager, noget gik galt hos mig. Prøv igen om lidt; fejlen er logget.',
  notSaved: 'Det blev ikke gemt: jeg kan ikke skrive det sikkert ned lige nu, så intet er registreret. Prøv igen om lidt.',
};

const en: ChatMessages = {
  notUnderstood: "Sorry, I didn't quite get that. I can tell you when systems switch to Context Handler 2 and STS 2, and about KLIK deadlines, agreements and meetings. Try, for example:",
  unknownAction: "I don't know that button (any more). Type \"help\" to see what I can do.",
  tooLong: (max) => `That message is too long for me (over ${max.toLocaleString('en-GB')} characters). Ask a short question, e.g. "When does Aula switch?".`,
  badAction: 'The button sent something I cannot read. Nothing has changed; please try again from a new card.',
  adminsOnly: (what) => `Only KOMBIT's administrators can ${what}. Nothing has changed.`,
  somethingWrong: 'Sorry, something went wrong on my side. Please try again shortly; the error has been logged.',
  notSaved: 'That was not saved: I cannot store it safely just now, so nothing was recorded. Please try again shortly.',
};

const MESSAGES: Record<Lang, ChatMessages> = { da, en };

export function messages(lang: Lang): ChatMessages {
  return MESSAGES[lang];
}
