/** A storage problem (lib/db's `describeStorageProblem`) in the user's language. */
import { describeStorageProblem, type StorageProblem } from '@/lib/db';
import { t } from '@/lib/i18n';

export function storageProblemText(problem: StorageProblem): string {
  switch (problem.kind) {
    case 'quota':
      return t('panel_storage_quota');
    case 'updated':
      return t('panel_storage_updated');
    case 'blocked':
      return t('panel_storage_blocked');
    case 'invalid':
      // The validation's own words (lib/domain / lib/db say what is wrong with the input).
      return problem.message || t('panel_storage_invalid');
    case 'unavailable':
      return t('panel_storage_unavailable');
    case 'unknown':
      return t('panel_storage_unknown');
  }
}

/** `describeStorageProblem(error)` with its message in the user's language. */
export function describeProblem(error: unknown): StorageProblem {
  const problem = describeStorageProblem(error);
  return { ...problem, message: storageProblemText(problem) };
}
