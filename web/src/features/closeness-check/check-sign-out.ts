import type { CheckAnswers } from '../../api/types';
import { draftKey, readDraft, removeDraft } from '../drafts/drafts';
import type { LocalCheckDraft } from './check-progress';

/** Where the Check in progress is kept on this device (see docs/decisions/0008). */
export function checkDraftKey(userId: string): string {
  return draftKey(userId, 'closeness-check');
}

/**
 * Before signing out: the device copy of a Check in progress must not stay behind, as the
 * next person to use this browser could read it. Answers the server never confirmed are sent
 * first (the session still allows it); the copy is then removed either way. Returns true when
 * answers were removed that the server does not hold, so the person can be told.
 */
export async function putAwayCheckCopy(
  userId: string,
  send: (answers: CheckAnswers) => Promise<unknown>,
): Promise<boolean> {
  const key = checkDraftKey(userId);
  const stored = readDraft<Partial<LocalCheckDraft>>(key);
  const answers = stored && typeof stored.answers === 'object' ? stored.answers : null;
  let unsent = stored?.synced !== true && answers !== null && Object.keys(answers).length > 0;
  if (unsent && answers) {
    try {
      await send(answers);
      unsent = false;
    } catch {
      // Offline or refused: removed all the same, and said so on the signed-out page.
    }
  }
  removeDraft(key);
  return unsent;
}
