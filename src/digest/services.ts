import { service } from '../app/services.js';
import type { DigestSender, DigestService } from './service.js';
import type { SubscriptionStore } from './subscriptions.js';

/**
 * Where digests go out, provided by the edge: the bot's proactive sender with more tries per channel.
 * Without one (outside Teams) the digest sends through the notifier.
 */
export const DigestSenderService = service<DigestSender>('digest sender');
/** The weekly digest's runs (the edge stops them on a graceful stop; "send now"). */
export const DigestRunsService = service<DigestService>('digest runs');
/** The conversations that get the digest. */
export const DigestSubscriptionsService = service<SubscriptionStore>('digest subscriptions');
