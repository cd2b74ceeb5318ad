import { service } from '../app/services.js';
import type { SurveyLinks } from './links.js';
import type { SurveyService } from './service.js';

/** The vendor surveys: asking, answering, KOMBIT's review. */
export const SurveysService = service<SurveyService>('surveys');
/** The signed links vendors outside Teams open. */
export const SurveyLinksService = service<SurveyLinks>('survey links');
