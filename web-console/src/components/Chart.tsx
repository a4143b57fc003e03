import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * An ECharts chart with ECharts' own accessible description and decal patterns, so that series differ by pattern
 * as well as by colour; a click reports the category clicked (for drill-down).
 */
export function Chart({ option, label, height = 300, onSelect }: {
  option: echarts.EChartsCoreOption; label: string; height?: number; onSelect?: (name: string) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  useEffect(() => {
    const chart = echarts.init(element.current!);
    chart.setOption({ aria: { enabled: true, label: { description: label }, decal: { show: true } }, tooltip: {}, ...option });
    chart.on('click', (params) => select.current?.(String(params.name)));
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element.current!);
    return () => { resize.disconnect(); chart.dispose(); };
  }, [option, label]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
