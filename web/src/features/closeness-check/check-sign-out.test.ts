import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveDraft } from '../drafts/drafts';
import { checkDraftKey, putAwayCheckCopy } from './check-sign-out';

/** A small stand-in for the browser's storage: the unit tests run without a browser. */
function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    key: (index) => [...values.keys()][index] ?? null,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
    clear: () => values.clear(),
  };
}

const key = checkDraftKey('user-1');
const answers = { 'trust-1': 2, 'safety-self-harm': 1 };

describe('putting the Check copy away on signing out', () => {
  beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('removes a copy the server has confirmed, without sending it again', async () => {
    saveDraft(key, { version: 1, answers, screen: 8, synced: true });
    const send = vi.fn(async () => undefined);
    expect(await putAwayCheckCopy('user-1', send)).toBe(false);
    expect(send).not.toHaveBeenCalled();
    expect(localStorage.getItem(key)).toBeNull();
  });

  it('sends answers the server never confirmed, then removes the copy', async () => {
    saveDraft(key, { version: 1, answers, screen: 8, synced: false });
    const send = vi.fn(async () => undefined);
    expect(await putAwayCheckCopy('user-1', send)).toBe(false);
    expect(send).toHaveBeenCalledWith(answers);
    expect(localStorage.getItem(key)).toBeNull();
  });

  it('removes unsent answers even when they cannot be sent, and says so', async () => {
    saveDraft(key, { version: 1, answers, screen: 8, synced: false });
    const send = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await putAwayCheckCopy('user-1', send)).toBe(true);
    expect(localStorage.getItem(key)).toBeNull();
  });

  it('has nothing to do when no Check is in progress', async () => {
    const send = vi.fn(async () => undefined);
    expect(await putAwayCheckCopy('user-1', send)).toBe(false);
    expect(send).not.toHaveBeenCalled();
  });
});
