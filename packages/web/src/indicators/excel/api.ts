import type { ChartExportView, DataSetKind } from '@tre/core';
import type { TrendType } from '../dashboard/chart-options.ts';

/**
 * What one chart or table of the dashboard exports, by view (core ChartExportView); core names the
 * parameters in a comment only, so the web spells them here.
 */
export type ChartExport =
  | { view: Extract<ChartExportView, 'overview'>; unit: string; period: string }
  | { view: Extract<ChartExportView, 'trend'>; measure: string; unit: string; type: TrendType }
  | { view: Extract<ChartExportView, 'ranking'>; measure: string; period: string };

/** Download links of the Excel files (server indicators/excel): a plain href, the browser saves the file. */
export const excelLinks = {
  /** GET /api/data-values/template.xlsx: the Excel template filled with what is stored */
  template: (q: { period: string; dataSet: DataSetKind; unit?: string | undefined }): string => {
    const p = new URLSearchParams({ period: q.period, dataSet: q.dataSet });
    if (q.unit) p.set('unit', q.unit);
    return `/api/data-values/template.xlsx?${p.toString()}`;
  },
  /** GET /api/indicators/chart.xlsx: the numbers behind one chart or table */
  chart: (q: ChartExport): string => `/api/indicators/chart.xlsx?${new URLSearchParams(q).toString()}`,
};
