import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, Component, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from '../features/layout/Layout';
import LandingPage from '../routes/LandingPage';
import { ApiError } from '../api/client';
import { t } from '../i18n';

// The landing page is in the first bundle; every other page loads when first visited, which
// keeps the first page within its JavaScript budget.
const SignUpPage = lazy(() => import('../routes/SignUpPage'));
const SignInPage = lazy(() => import('../routes/SignInPage'));
const ConsentPage = lazy(() => import('../routes/ConsentPage'));
const HomePage = lazy(() => import('../routes/HomePage'));
const LearnPage = lazy(() => import('../routes/LearnPage'));
const ArticlePage = lazy(() => import('../routes/ArticlePage'));
const NotFoundPage = lazy(() => import('../routes/NotFoundPage'));
const CheckinPage = lazy(() => import('../routes/CheckinPage'));
const JournalListPage = lazy(() => import('../routes/JournalListPage'));
const JournalNewPage = lazy(() => import('../routes/JournalNewPage'));
const JournalEntryPage = lazy(() => import('../routes/JournalEntryPage'));
const SafetyPlanPage = lazy(() => import('../routes/SafetyPlanPage'));
const MyDataPage = lazy(() => import('../routes/MyDataPage'));
const CheckPage = lazy(() => import('../routes/CheckPage'));
const CheckResultsPage = lazy(() => import('../routes/CheckResultsPage'));
const CheckHistoryPage = lazy(() => import('../routes/CheckHistoryPage'));
const PlanPage = lazy(() => import('../routes/PlanPage'));
const ExerciseLibraryPage = lazy(() => import('../routes/ExerciseLibraryPage'));
const ExercisePage = lazy(() => import('../routes/ExercisePage'));
const RemindersPage = lazy(() => import('../routes/RemindersPage'));

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
