import type { ScenarioDefinition } from './definition.js';

/**
 * A stored `scenarios` row as a definition: `params` holds `{ description?, elements }`; a row
 * written before elements (hand-inserted forecast overrides such as `{ "fxShift": -0.05 }`) is
 * read as those overrides. Its title is always the row's `name`, never its id.
 *
 * @example readStoredScenario('Weak dollar', { fxShift: -0.05 }) // { name: 'Weak dollar', elements: [], overrides: { fxShift: -0.05 } }
 */
export function readStoredScenario(name: string, params: Readonly<Record<string, unknown>>): ScenarioDefinition {
  if (Array.isArray(params.elements)) {
    const description = typeof params.description === 'string' ? params.description : undefined;
    return {
      name,
      ...(description ? { description } : {}),
      elements: params.elements as ScenarioDefinition['elements'],
    };
  }
  return { name, elements: [], overrides: params };
}
