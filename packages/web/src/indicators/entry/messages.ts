/** Texts of the data entry and import screens, Vietnamese first; merged into i18n/messages.ts. */
export const entryVi = {
  dataEntry: 'Nhập số liệu',
  localIndicators: 'Chỉ tiêu của tỉnh',
} as const;

export const entryEn: Partial<Record<keyof typeof entryVi, string>> = {
  dataEntry: 'Data entry',
  localIndicators: 'Local indicators',
};
