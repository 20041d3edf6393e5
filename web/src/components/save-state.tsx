import { useRef, useState } from 'react';
import { ApiError } from '../api.js';
import { useT } from '../i18n/index.js';
import { ErrorBox } from './states.js';

/** Why the last save did not go through: refused (nothing changed), or saved but the page not read again. */
export interface SaveProblem {
  readonly error: unknown;
  readonly isSaved: boolean;
}

/**
 * One action that writes through the API and then reads the page again (`refresh`). `save` sends,
 * and only when the API accepted it reads the page again and then calls `done` with the answer,
 * so the page changes all at once or not at all. While it runs `isBusy` is true and a second
 * save is ignored.
 */
export function useSave(refresh: () => Promise<void>) {
  const [isBusy, setBusy] = useState(false);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const running = useRef(false);
  async function save<T>(send: () => Promise<T>, done: (answer: T) => void): Promise<void> {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setProblem(null);
    try {
      let answer: T;
      try {
        answer = await send();
      } catch (error) {
        setProblem({ error, isSaved: false });
        return;
      }
      try {
        await refresh();
      } catch (error) {
        setProblem({ error, isSaved: true });
      }
      done(answer);
    } finally {
      running.current = false;
      setBusy(false);
    }
  }
  const retryRefresh = () => {
    setProblem(null);
    refresh().catch((error: unknown) => setProblem({ error, isSaved: true }));
  };
  return { isBusy, problem, save, retryRefresh, clear: () => setProblem(null) };
}

/** Whether the API refused the save because of this input (`field` in its error answer). */
export function isFieldAtFault(problem: SaveProblem | null, field: string): boolean {
  return problem !== null && !problem.isSaved && problem.error instanceof ApiError && problem.error.field === field;
}

/** The API's message in the user's language; after a save that went through, a note that the page is not current. */
export function SaveProblemBox({ problem, onRetry }: { problem: SaveProblem | null; onRetry: () => void }) {
  const t = useT();
  if (problem === null) return null;
  if (!problem.isSaved) return <ErrorBox error={problem.error} />;
  return (
    <div>
      <p className="tone-warn small">{t('credit.savedNotShown')}</p>
      <ErrorBox error={problem.error} onRetry={onRetry} />
    </div>
  );
}
