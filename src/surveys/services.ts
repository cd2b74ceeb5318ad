import { service } from '../app/services.js';
import type { SurveyLinks } from './links.js';
import type { SurveyService } from './service.js';
import type { Survey } from './survey.js';

/** The vendor surveys: asking, answering, KOMBIT's review. */
export const SurveysService = service<SurveyService>('surveys');
/** The signed links vendors outside Teams open. */
export const SurveyLinksService = service<SurveyLinks>('survey links');
/** An answer came in through the web form: the administrators get the review card. */
export const SurveyWebAnswersService = service<{ answered(survey: Survey, answerId: string): Promise<void> }>('survey web answers');
