import type { RankingReply, TrendReply, ValuesReply } from '@tre/core';
import { read, type Read } from '../../api/useApi.ts';
import type { TrendType } from '../dashboard/chart-options.ts';

const measureUrl = (measure: string) => `/api/indicators/${encodeURIComponent(measure)}`;

/** What the dashboard reads (server indicators/values: values, ranking, trend), for useRead. */
export const valuesReads = {
  /** every measure of one unit and period */
  values: (unit: string, period: string): Read<ValuesReply> =>
    read(`/api/indicators/values?${new URLSearchParams({ unit, period }).toString()}`),
  /** the communes of the province ranked on one measure */
  ranking: (measure: string, period: string): Read<RankingReply> =>
    read(`${measureUrl(measure)}/units?${new URLSearchParams({ period }).toString()}`),
  /** one measure of one unit over the years */
  trend: (measure: string, unit: string, type: TrendType): Read<TrendReply> =>
    read(`${measureUrl(measure)}/trend?${new URLSearchParams({ unit, type }).toString()}`),
};
