export {
  type RuleSet,
  type RuleOutcome,
  type RiskArea,
  type FactOutcomes,
  ruleSetSchema,
  RuleSetError,
  parseRuleSet,
  factOutcomes,
  DEFAULT_FACT_OUTCOMES,
} from './rule-set.js';
export { DEFAULT_RULE_SET } from './default-rules.js';
export { visitsOf, type Visit } from './findings.js';
export type { ReasonCode, AssessmentReason } from './reasons.js';
export { assessDeclaration, type Assessment, type AssessOptions, type DeclarationRecord } from './assess.js';
export {
  evaluateStatus,
  type ContactFact,
  type EvaluateInput,
  type Evaluation,
  type ManualFact,
  type StatusReason,
  type SubjectFacts,
  type TestFact,
} from './evaluate.js';
