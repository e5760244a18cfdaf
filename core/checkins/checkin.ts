/** A check-in as the person sees it: the API's shape, shared by server and web. */
export interface Checkin {
  id: string;
  mood: number;
  closeness: number;
  stress: number;
  note: string | null;
  /** The person's own calendar day, YYYY-MM-DD. */
  date: string;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
  /** Set when the stored note failed its integrity check; the ratings are still shown. */
  unreadable?: boolean;
}
