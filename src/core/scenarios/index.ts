export { applyScenario, scenarioShocks } from './apply.js';
export type { Assumption } from './assumptions.js';
export { describeScenario } from './assumptions.js';
export type { LoanRepayment, ScenarioDefinition, ScenarioElement, ScenarioElementKind } from './definition.js';
export {
  RESERVED_SCENARIO_NAMES,
  SCENARIO_ELEMENT_KINDS,
  SCENARIO_LIMITS,
  validateScenarioDefinition,
} from './definition.js';
export { readStoredScenario } from './stored.js';
