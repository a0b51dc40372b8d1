import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerChartParts, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { DashboardChartOption } from './chart-options.ts';

// Only what the dashboard draws; the SVG renderer makes the chart real DOM (printable, testable).
registerChartParts([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

export interface EChartProps {
  option: DashboardChartOption;
  /** the chart's text for screen readers: what the chart shows, in words and numbers */
  ariaLabel: string;
  height: number;
  testId?: string;
  /** a click on a data item (a point or a bar), with its series and index */
  onItemClick?: (item: { seriesIndex: number; dataIndex: number }) => void;
}

/**
 * A chart: ECharts initialised on mount, the option replaced whenever it changes, resized with its
 * box, disposed on unmount. The element is an image to assistive technology, described by ariaLabel.
 */
export function EChart({ option, ariaLabel, height, testId, onItemClick }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const onClick = useRef(onItemClick);
  useEffect(() => {
    onClick.current = onItemClick;
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = init(el, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      const p = params as { seriesIndex?: number; dataIndex?: number; componentType?: string };
      if (p.componentType === 'series' && p.seriesIndex !== undefined && p.dataIndex !== undefined)
        onClick.current?.({ seriesIndex: p.seriesIndex, dataIndex: p.dataIndex });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    chart.current?.resize();
  }, [height]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ width: '100%', height, cursor: onItemClick ? 'pointer' : undefined }}
    />
  );
}
