// Starts a report worker from the TypeScript sources (the tests' way): a worker thread does not
// inherit the loader the process registered, so it registers it here. The compiled build starts
// dist/report-worker.js instead (scripts/build.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./report-worker.ts');
