// Starts an import read worker. The project runs its TypeScript through tsx without a build step;
// a worker thread does not inherit the loader the CLI registers in code, so it registers it here.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
