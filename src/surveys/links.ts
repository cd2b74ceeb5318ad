import type { Clock } from '../time/clock.js';
import { signLinkToken } from './linkToken.js';
import type { Survey } from './survey.js';

/** Makes the survey links vendors outside Teams open: PUBLIC_BASE_URL/survey/TOKEN. */
export class SurveyLinks {
  constructor(
    private readonly baseUrl: string,
    private readonly secret: string,
    private readonly lifetimeDays: number,
    private readonly clock: Clock,
  ) {}

  linkFor(survey: Survey, lang: 'da' | 'en'): string {
    const expires = new Date(this.clock.now().getTime() + this.lifetimeDays * 86_400_000);
    const url = `${this.baseUrl.replace(/\/+$/, '')}/survey/${signLinkToken(survey.id, expires, this.secret)}`;
    return lang === 'en' ? `${url}?lang=en` : url;
  }
}
