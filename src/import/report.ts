import { translate } from '../i18n/index.js';
import { MAX_PROBLEMS } from './row-reader.js';
import type { RunOutcome } from './run-import.js';
import { clip } from './text.js';
import type { ImportParamsBase, ImportProblem, ImportReport, RawProblem } from './types.js';

/** Translates the problems of a run into the report the user reads. */
export function toReport(params: ImportParamsBase, file: string, outcome: RunOutcome): ImportReport {
  const problems: ImportProblem[] = outcome.problems.map((p) => translated(p, file, params.locale));
  if (outcome.problemCount > MAX_PROBLEMS) {
    const more: RawProblem = {
      row: null,
      column: null,
      value: String(outcome.problemCount - MAX_PROBLEMS),
      code: 'IMPORT_TOO_MANY_PROBLEMS',
      expected: null,
    };
    problems.push(translated(more, file, params.locale));
  }
  return {
    kind: params.kind,
    file,
    rowsRead: outcome.rowsRead,
    inserted: outcome.inserted,
    updated: outcome.updated,
    unchanged: outcome.unchanged,
    problems,
    committed: outcome.committed,
  };
}

function translated(p: RawProblem, file: string, locale: 'zh-CN' | 'en'): ImportProblem {
  const column = p.column ?? '';
  const details = { file, row: p.row ?? '', column, field: column, value: p.value ?? '', expected: p.expected ?? '' };
  const where = p.row === null ? file : `${file}:${p.row}`;
  return { file, ...p, message: clip(`${where} ${translate(p.code, details, locale)}`, 300) };
}
