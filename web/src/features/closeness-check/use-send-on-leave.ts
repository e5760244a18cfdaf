import { useEffect } from 'react';
import type { DraftSync } from './draft-sync';

/**
 * Keeps a page's autosave going while the person leaves it: a hidden or closing tab sends
 * what is waiting at once (with keepalive), coming back online retries, and moving to another
 * page of Closer sends what is waiting now rather than later. Shared by the Check and the
 * exercises, whose drafts must never be lost.
 */
export function useSendOnLeave<Answers>(sync: DraftSync<Answers>): void {
  useEffect(() => {
    const leave = () => sync.sendBeforeLeaving();
    const hidden = () => {
      if (document.visibilityState === 'hidden') sync.sendBeforeLeaving();
    };
    const online = () => sync.nudge();
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('online', online);
      sync.nudge();
    };
  }, [sync]);
}
