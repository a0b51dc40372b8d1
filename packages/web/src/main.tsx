import '@mantine/core/styles.css';
import { Center, Loader, MantineProvider, Text, createTheme } from '@mantine/core';
import { StrictMode, Suspense, lazy, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AccessLogPage } from './access/AccessLogPage.tsx';
import { AuditPage } from './access/AuditPage.tsx';
import { SessionProvider, useSession } from './session/session.tsx';
import { SignInPage } from './access/SignInPage.tsx';
import { UsersPage } from './access/UsersPage.tsx';
import { HomePage } from './home/HomePage.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { canManagePlans } from './plans/access.ts';
import { ImportPage } from './plans/ImportPage.tsx';
import { PlansPage } from './plans/PlansPage.tsx';
import { PlanViewPage } from './plans/view/PlanViewPage.tsx';
import { Layout } from './shell/Layout.tsx';
import { canReadBoard, mayUseReporting } from './reporting/access.ts';
import { BoardPage } from './reporting/board/BoardPage.tsx';
import { RoundsPage } from './reporting/rounds/RoundsPage.tsx';
import { ContactsPage } from './reporting/contacts/ContactsPage.tsx';
import { AgenciesPage } from './units/AgenciesPage.tsx';
import { CommunesPage } from './units/CommunesPage.tsx';
import { accessPermissions, indicatorsPermissions } from '@tre/core';
import { can } from './session/can.ts';
import { CommuneAccessPanels } from './access/CommuneAccessPanels.tsx';
import { MeasureTargetsPanel } from './indicators/targets/MeasureTargetsPanel.tsx';
import { TargetHintProvider } from './indicators/targets/TargetHintProvider.tsx';
import { canEditChildren, canImportChildren, canReadChildren, canReviewDuplicates } from './children/access.ts';
import { ChildrenPage } from './children/ChildrenPage.tsx';
import { ChildNewPage } from './children/ChildNewPage.tsx';
import { ChildPage } from './children/ChildPage.tsx';
import { DuplicatesPage } from './children/DuplicatesPage.tsx';
import { canIntake, canReadCases, canSeeOverview, canTakeReferrals, mayUseCases } from './cases/access.ts';
import { CasesPage } from './cases/CasesPage.tsx';
import { CasePage } from './cases/CasePage.tsx';
import { IntakePage } from './cases/IntakePage.tsx';
import { ProgrammeCards } from './home/ProgrammeCards.tsx';
import { OverviewPage } from './cases/OverviewPage.tsx';
import { ReferralsPage } from './cases/ReferralsPage.tsx';
import { canAnswerOpinions, canReadOpinions, canRecordOpinions, canSeeOverdueOpinions } from './voices/opinions/access.ts';
import { EventsPage as OpinionEventsPage } from './voices/opinions/EventsPage.tsx';
import { NewEventPage as OpinionNewEventPage } from './voices/opinions/NewEventPage.tsx';
import { EventPage as OpinionEventPage } from './voices/opinions/EventPage.tsx';
import { InboxPage as OpinionInboxPage } from './voices/opinions/InboxPage.tsx';
import { OverduePage as OpinionOverduePage } from './voices/opinions/OverduePage.tsx';
import { UnansweredCard } from './voices/opinions/UnansweredCard.tsx';
import { canEditComplaintSettings, canReceiveComplaints, mayUseComplaints } from './voices/complaints/access.ts';
import { ComplaintsPage } from './voices/complaints/ComplaintsPage.tsx';
import { ComplaintIntakePage } from './voices/complaints/ComplaintIntakePage.tsx';
import { ComplaintPage } from './voices/complaints/ComplaintPage.tsx';
import { ComplaintSettingsPage } from './voices/complaints/ComplaintSettingsPage.tsx';
import { canManageRuleSets, canReadCommunes, canSetTypes } from './communes/access.ts';
import { AssessmentPage } from './communes/AssessmentPage.tsx';
import { RuleSetsPage } from './communes/RuleSetsPage.tsx';
import { StatusPage } from './communes/StatusPage.tsx';
import { TypesPage } from './communes/TypesPage.tsx';

// The indicator screens carry the chart library: loaded when first opened, not with the app.
const DashboardPage = lazy(() => import('./indicators/dashboard/DashboardPage.tsx'));
const IndicatorPage = lazy(() => import('./indicators/dashboard/IndicatorPage.tsx'));
const EntryPage = lazy(() => import('./indicators/entry/EntryPage.tsx'));
const DataImportPage = lazy(() => import('./indicators/entry/DataImportPage.tsx'));
const ValidationPage = lazy(() => import('./indicators/validation/ValidationPage.tsx'));
const LocalIndicatorsPage = lazy(() => import('./indicators/catalogue/LocalIndicatorsPage.tsx'));
// a body's report carries the entry form's rows, the consolidated report its editor
const SubmissionPage = lazy(() => import('./reporting/submission/SubmissionPage.tsx'));
const ReportPage = lazy(() => import('./reporting/report/ReportPage.tsx'));
// the children import reads workbooks in the browser (the zip reader): loaded when opened
const ChildImportPage = lazy(() => import('./children/ChildImportPage.tsx'));

const theme = createTheme({ primaryColor: 'teal', fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif' });

function Lazy({ page }: { page: ReactNode }) {
  return <Suspense fallback={<Loader m="md" />}>{page}</Suspense>;
}

function App() {
  const { user, loading } = useSession();
  const { t } = useI18n();
  if (loading) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (!user) return <SignInPage />;
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="plans" element={<PlansPage />} />
        <Route
          path="plans/import"
          element={
            canManagePlans(user) ? (
              <TargetHintProvider>
                <ImportPage />
              </TargetHintProvider>
            ) : (
              <Navigate to="/plans" />
            )
          }
        />
        <Route
          path="plans/:id"
          element={
            <PlanViewPage measureTargets={(planId, onChanged) => <MeasureTargetsPanel planId={planId} onChanged={onChanged} />} />
          }
        />
        <Route path="indicators" element={<Lazy page={<DashboardPage extras={ProgrammeCards} />} />} />
        <Route path="indicators/entry" element={<Lazy page={<EntryPage />} />} />
        <Route path="indicators/import" element={<Lazy page={<DataImportPage />} />} />
        <Route path="indicators/validation" element={<Lazy page={<ValidationPage />} />} />
        <Route path="indicators/measures/:measure" element={<Lazy page={<IndicatorPage />} />} />
        <Route
          path="admin/indicators"
          element={
            can(user, indicatorsPermissions, 'catalogue.edit') ? <Lazy page={<LocalIndicatorsPage />} /> : <Navigate to="/" />
          }
        />
        <Route path="reporting" element={mayUseReporting(user) ? <RoundsPage /> : <Navigate to="/" />} />
        <Route path="reporting/contacts" element={canReadBoard(user) ? <ContactsPage /> : <Navigate to="/reporting" />} />
        <Route path="reporting/rounds/:id" element={<BoardPage />} />
        <Route
          path="reporting/rounds/:id/submissions/:unit"
          element={
            <>
              <Lazy page={<SubmissionPage />} />
              {/* the children's opinions this unit has not answered (voices comes after reporting: composed here) */}
              <UnansweredCard />
            </>
          }
        />
        <Route path="reporting/rounds/:id/report" element={<Lazy page={<ReportPage />} />} />
        <Route path="children" element={canReadChildren(user) ? <ChildrenPage /> : <Navigate to="/" />} />
        <Route
          path="children/import"
          element={canImportChildren(user) ? <Lazy page={<ChildImportPage />} /> : <Navigate to="/children" />}
        />
        <Route path="children/new" element={canEditChildren(user) ? <ChildNewPage /> : <Navigate to="/children" />} />
        <Route
          path="children/duplicates"
          element={canReviewDuplicates(user) ? <DuplicatesPage /> : <Navigate to="/children" />}
        />
        <Route path="children/:id" element={canReadChildren(user) ? <ChildPage /> : <Navigate to="/" />} />
        <Route path="cases" element={mayUseCases(user) ? <CasesPage /> : <Navigate to="/" />} />
        <Route path="cases/new" element={canIntake(user) ? <IntakePage /> : <Navigate to="/cases" />} />
        <Route path="cases/overview" element={canSeeOverview(user) ? <OverviewPage /> : <Navigate to="/cases" />} />
        <Route path="cases/referrals" element={canTakeReferrals(user) ? <ReferralsPage /> : <Navigate to="/cases" />} />
        <Route path="voices/complaints" element={mayUseComplaints(user) ? <ComplaintsPage /> : <Navigate to="/" />} />
        <Route
          path="voices/complaints/new"
          element={canReceiveComplaints(user) ? <ComplaintIntakePage /> : <Navigate to="/voices/complaints" />}
        />
        <Route
          path="voices/complaints/settings"
          element={canEditComplaintSettings(user) ? <ComplaintSettingsPage /> : <Navigate to="/voices/complaints" />}
        />
        <Route path="voices/complaints/:id" element={mayUseComplaints(user) ? <ComplaintPage /> : <Navigate to="/" />} />
        <Route path="cases/:id" element={canReadCases(user) ? <CasePage /> : <Navigate to="/cases" />} />
        <Route path="voices/opinions" element={canReadOpinions(user) ? <OpinionEventsPage /> : <Navigate to="/" />} />
        <Route
          path="voices/opinions/new"
          element={canRecordOpinions(user) ? <OpinionNewEventPage /> : <Navigate to="/voices/opinions" />}
        />
        <Route path="voices/events/:id" element={canReadOpinions(user) ? <OpinionEventPage /> : <Navigate to="/" />} />
        <Route path="voices/inbox" element={canAnswerOpinions(user) ? <OpinionInboxPage /> : <Navigate to="/" />} />
        <Route path="voices/overdue" element={canSeeOverdueOpinions(user) ? <OpinionOverduePage /> : <Navigate to="/" />} />
        <Route path="child-friendly" element={canReadCommunes(user) ? <StatusPage /> : <Navigate to="/" />} />
        <Route
          path="child-friendly/rule-sets"
          element={canManageRuleSets(user) ? <RuleSetsPage /> : <Navigate to="/child-friendly" />}
        />
        <Route path="child-friendly/types" element={canSetTypes(user) ? <TypesPage /> : <Navigate to="/child-friendly" />} />
        <Route path="child-friendly/:code/:year" element={canReadCommunes(user) ? <AssessmentPage /> : <Navigate to="/" />} />
        <Route path="communes" element={<CommunesPage communePanels={(code) => <CommuneAccessPanels code={code} />} />} />
        <Route path="admin/agencies" element={<AgenciesPage />} />
        <Route path="admin/users" element={can(user, accessPermissions, 'users.manage') ? <UsersPage /> : <Navigate to="/" />} />
        <Route path="admin/audit" element={can(user, accessPermissions, 'audit.read') ? <AuditPage /> : <Navigate to="/" />} />
        <Route
          path="admin/access-log"
          element={can(user, accessPermissions, 'readLog.read') ? <AccessLogPage /> : <Navigate to="/" />}
        />
        <Route path="*" element={<Text>{t('notFoundPage')}</Text>} />
      </Route>
    </Routes>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme}>
        <I18nProvider>
          <SessionProvider>
            <BrowserRouter>
              <App />
            </BrowserRouter>
          </SessionProvider>
        </I18nProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
