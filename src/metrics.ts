import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

/**
 * What the bot counts, for Prometheus at GET /metrics (prom-client). One registry per process: the
 * counters only ever go up, and Prometheus takes the differences.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'fki_' });

export const metrics = {
  answers: new Counter({
    name: 'fki_answers_total',
    help: 'Messages answered, by whether a phrase matched (understood) or the help fallback answered',
    labelNames: ['understood'] as const,
    registers: [metricsRegistry],
  }),
  cardActions: new Counter({
    name: 'fki_card_actions_total',
    help: 'Card button presses, by verb ("unknown" for a verb the bot does not know)',
    labelNames: ['verb'] as const,
    registers: [metricsRegistry],
  }),
  surveyAnswers: new Counter({
    name: 'fki_survey_answers_total',
    help: 'Vendor answers stored, by where they came from (teams, link)',
    labelNames: ['channel'] as const,
    registers: [metricsRegistry],
  }),
  digests: new Counter({
    name: 'fki_digests_total',
    help: 'Weekly digest deliveries, by outcome (sent, failed, gone)',
    labelNames: ['outcome'] as const,
    registers: [metricsRegistry],
  }),
  outboundRetries: new Counter({
    name: 'fki_outbound_retries_total',
    help: 'Outbound calls tried again after a transient failure, by target (teams, graph)',
    labelNames: ['target'] as const,
    registers: [metricsRegistry],
  }),
};
