/** Every key Closer keeps in this browser starts with this. */
export const LOCAL_KEY_PREFIX = 'closer.';

/**
 * Removes everything Closer keeps in this browser: drafts, the safety plan copy, settings.
 * Used when an account is deleted, so nothing of the person stays behind on the device.
 */
export function clearLocalData(): void {
  try {
    const keys: string[] = [];
    for (let index = 0; index < localStorage.length; index += 1) {
      const key = localStorage.key(index);
      if (key?.startsWith(LOCAL_KEY_PREFIX)) keys.push(key);
    }
    for (const key of keys) localStorage.removeItem(key);
  } catch {
    // Storage is blocked: then nothing was kept in it either.
  }
}
