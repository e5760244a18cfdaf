/** A journal entry as the person sees it: the API's shape, shared by server and web. */
export interface JournalEntry {
  id: string;
  text: string;
  mood: number | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  /**
   * Set when the stored entry failed its integrity check. Lists and exports still answer,
   * with this entry marked and empty, so one damaged row never hides all the others.
   */
  unreadable?: boolean;
}

/** One page of the journal, newest first. */
export interface JournalPage {
  entries: JournalEntry[];
  total: number;
  nextOffset: number | null;
}
