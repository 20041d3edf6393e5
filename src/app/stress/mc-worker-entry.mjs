// Starts a Monte Carlo worker from the TypeScript sources (the tests' way): a worker thread does not
// inherit the loader the process registered, so it registers it here. The compiled build starts
// dist/mc-worker.js instead (scripts/build.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./mc-worker.ts');
