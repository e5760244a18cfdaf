import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, Component, type ComponentType, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from '../features/layout/Layout';
import LandingPage from '../routes/LandingPage';
import { ApiError } from '../api/client';
import { loadAllMessages, t } from '../i18n';

// The landing page is in the first bundle; every other page loads when first visited, with the
// rest of the interface text (web/src/i18n.ts), which keeps the first page within its
// JavaScript budget.
function page<Page extends ComponentType>(load: () => Promise<{ default: Page }>) {
  return lazy(() => Promise.all([load(), loadAllMessages()]).then(([module]) => module));
}

const SignUpPage = page(() => import('../routes/SignUpPage'));
const SignInPage = page(() => import('../routes/SignInPage'));
const ConsentPage = page(() => import('../routes/ConsentPage'));
const HomePage = page(() => import('../routes/HomePage'));
const LearnPage = page(() => import('../routes/LearnPage'));
const ArticlePage = page(() => import('../routes/ArticlePage'));
const NotFoundPage = page(() => import('../routes/NotFoundPage'));
const CheckinPage = page(() => import('../routes/CheckinPage'));
const JournalListPage = page(() => import('../routes/JournalListPage'));
const JournalNewPage = page(() => import('../routes/JournalNewPage'));
const JournalEntryPage = page(() => import('../routes/JournalEntryPage'));
const SafetyPlanPage = page(() => import('../routes/SafetyPlanPage'));
const MyDataPage = page(() => import('../routes/MyDataPage'));
const CheckPage = page(() => import('../routes/CheckPage'));
const CheckResultsPage = page(() => import('../routes/CheckResultsPage'));
const CheckHistoryPage = page(() => import('../routes/CheckHistoryPage'));
const PlanPage = page(() => import('../routes/PlanPage'));
const ExerciseLibraryPage = page(() => import('../routes/ExerciseLibraryPage'));
const ExercisePage = page(() => import('../routes/ExercisePage'));
const RemindersPage = page(() => import('../routes/RemindersPage'));
const ReportPage = page(() => import('../routes/ReportPage'));
const ProgressPage = page(() => import('../routes/ProgressPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    // 'always': a request made with no connection fails at once, so a page can show its
    // offline copy (the safety plan) or keep a draft, instead of waiting silently for the
    // browser to say it is back online.
    queries: { refetchOnWindowFocus: false, retry: retryOnce, networkMode: 'always' },
    mutations: { networkMode: 'always' },
  },
});

/** One retry for a lost connection or a server hiccup; an answer like 403 or 404 is final. */
function retryOnce(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 1;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Layout>
          <PageErrorBoundary>
            <Suspense fallback={<p role="status">{t('layout.loading')}</p>}>
              <Routes>
                <Route path="/" element={<LandingPage />} />
                <Route path="/signup" element={<SignUpPage />} />
                <Route path="/signin" element={<SignInPage />} />
                <Route path="/consent" element={<ConsentPage />} />
                <Route path="/home" element={<HomePage />} />
                <Route path="/learn" element={<LearnPage />} />
                <Route path="/learn/:slug" element={<ArticlePage />} />
                <Route path="/checkin" element={<CheckinPage />} />
                <Route path="/journal" element={<JournalListPage />} />
                <Route path="/journal/new" element={<JournalNewPage />} />
                <Route path="/journal/:id" element={<JournalEntryPage />} />
                <Route path="/safety-plan" element={<SafetyPlanPage />} />
                <Route path="/my-data" element={<MyDataPage />} />
                <Route path="/check" element={<CheckPage />} />
                <Route path="/check/results/:id" element={<CheckResultsPage />} />
                <Route path="/check/history" element={<CheckHistoryPage />} />
                <Route path="/plan" element={<PlanPage />} />
                <Route path="/exercises" element={<ExerciseLibraryPage />} />
                <Route path="/exercises/:exerciseId" element={<ExercisePage />} />
                <Route path="/reminders" element={<RemindersPage />} />
                <Route path="/report" element={<ReportPage />} />
                <Route path="/progress" element={<ProgressPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Routes>
            </Suspense>
          </PageErrorBoundary>
        </Layout>
      </BrowserRouter>
    </QueryClientProvider>
  );
}

/**
 * If a page fails to load (for example a lost connection while fetching its code), the
 * frame with Get help now stays up and the person gets a way to try again.
 */
class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="notice notice--error" role="alert">
        <p>{t('error.generic')}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('error.tryAgain')}
        </button>
      </div>
    );
  }
}
