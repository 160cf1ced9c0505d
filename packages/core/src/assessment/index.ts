export {
  type RuleSet,
  type RuleOutcome,
  type RiskArea,
  ruleSetSchema,
  RuleSetError,
  parseRuleSet,
} from './rule-set.js';
export { DEFAULT_RULE_SET } from './default-rules.js';
export type { ReasonCode, AssessmentReason } from './reasons.js';
export { assessDeclaration, type Assessment, type AssessOptions, type DeclarationRecord } from './assess.js';
