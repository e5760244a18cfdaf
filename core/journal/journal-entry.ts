/** A journal entry as the person sees it: the API's shape, shared by server and web. */
export interface JournalEntry {
  id: string;
  text: string;
  mood: number | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

/** One page of the journal, newest first. */
export interface JournalPage {
  entries: JournalEntry[];
  total: number;
  nextOffset: number | null;
}
