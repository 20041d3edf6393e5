export { appendSavedScenarios, type SavedScenarioInfo } from './forecast.js';
export {
  checkScenario,
  createScenario,
  deleteScenario,
  getSavedScenario,
  listSavedScenarios,
  type SavedScenario,
  updateScenario,
} from './saved.js';
export { assumptionTexts, scenarioTitle } from './words.js';
