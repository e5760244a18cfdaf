/** Shapes of the API's answers, as the web app uses them. */
export interface User {
  id: string;
  email: string | null;
  username: string | null;
  createdAt: string;
}

export interface SessionAnswer {
  user: User;
  csrfToken: string;
}

export interface ConsentAnswer {
  version: string;
  publishedOn: string;
  text: string;
  consent?: {
    current: boolean;
    version: string | null;
    givenAt: string | null;
    withdrawnAt: string | null;
  };
}

export interface ArticleSummary {
  slug: string;
  title: string;
  summary: string;
  topics: string[];
  minutes: number;
}

export interface Article extends ArticleSummary {
  body: string;
}
