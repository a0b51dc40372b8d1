/** Texts of the indicator dashboard, Vietnamese first; merged into i18n/messages.ts. */
export const dashboardVi = {
  indicators: 'Chỉ tiêu',
} as const;

export const dashboardEn: Partial<Record<keyof typeof dashboardVi, string>> = {
  indicators: 'Indicators',
};
