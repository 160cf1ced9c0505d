import type { RuleSet } from './rule-set.js';

/**
 * The default rules: contact with a confirmed or suspected case, or travel
 * through a high-risk area, is red for 14 days; travel through a medium-risk
 * area, any symptom, or a temperature of 37.3 °C or more is yellow for 7 days.
 * It lists no risk areas: a city publishes its own rule set with them.
 */
export const DEFAULT_RULE_SET: RuleSet = {
  version: 'default-1',
  windowDays: 14,
  riskAreas: [],
  riskLevels: {
    high: { status: 'red', quarantineDays: 14 },
    medium: { status: 'yellow', quarantineDays: 7 },
  },
  contacts: {
    confirmed: { status: 'red', quarantineDays: 14 },
    suspected: { status: 'red', quarantineDays: 14 },
  },
  symptoms: {
    triggers: ['fever', 'cough', 'sore_throat', 'fatigue', 'shortness_of_breath', 'loss_of_taste_or_smell', 'diarrhoea'],
    outcome: { status: 'yellow', quarantineDays: 7 },
  },
  temperature: { thresholdCelsius: 37.3, outcome: { status: 'yellow', quarantineDays: 7 } },
};
