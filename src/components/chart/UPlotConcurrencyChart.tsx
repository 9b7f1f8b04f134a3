import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartData } from '../../store/concurrency-chart';
import { ACCOUNT_COLOR, LIMIT_COLORS, functionColor } from './chart-colors';
import { placeLimitLabels } from '../../lib/limit-labels';

interface Props {
  readonly data: ChartData;
  readonly playheadMs: number;
  /** Width of the label column left of the plot, so the plot lines up with the timeline's time area. */
  readonly labelWidthPx: number;
  readonly width: number;
  readonly height: number;
  /** Visible time range in ms, the timeline's. */
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * The uPlot chart of busy environments: the account and each function as stepped lines, the
 * limits as dashed horizontal lines, and the playhead as a vertical line. The chart is created
 * once; new data goes through `setData` and a moved playhead only redraws.
 */
export default function UPlotConcurrencyChart({ data, playheadMs, labelWidthPx, width, height, startMs, endMs }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  const latest = useRef({ data, playheadMs, startMs, endMs });
  latest.current = { data, playheadMs, startMs, endMs };
  const seriesKey = data.functions.map((fn) => fn.name).join('\n');

  // (Re)creates the chart when the set of functions changes.
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const stepped = uPlot.paths.stepped!({ align: 1 });
    const options: uPlot.Options = {
      width,
      height,
      padding: [8, 0, 6, 0],
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: { time: false, range: () => [latest.current.startMs / 1000, latest.current.endMs / 1000] },
        y: { range: () => [0, Math.max(1, Math.ceil(latest.current.data.peak * 1.15))] },
      },
      axes: [
        { show: false },
        {
          size: labelWidthPx,
          gap: 4,
          stroke: '#64748b',
          font: '11px ui-sans-serif, system-ui, sans-serif',
          grid: { stroke: '#eef2f6', width: 1 },
          ticks: { show: false },
          splits: (u) => integerSplits(u.scales.y!.max ?? 1),
        },
      ],
      series: [
        {},
        { label: 'account', stroke: ACCOUNT_COLOR, width: 1.5, paths: stepped, fill: 'rgba(51, 65, 85, 0.06)' },
        ...latest.current.data.functions.map((fn, index) => ({
          label: fn.name,
          stroke: functionColor(index),
          width: 1.5,
          paths: stepped,
        })),
      ],
      hooks: { draw: [(u: uPlot) => drawOverlay(u, latest.current.data, latest.current.playheadMs)] },
    };
    const chart = new uPlot(options, toAligned(latest.current.data), root);
    plot.current = chart;
    return () => {
      chart.destroy();
      plot.current = undefined;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- size and data are applied by the effects below.
  }, [seriesKey, labelWidthPx]);

  useEffect(() => {
    plot.current?.setSize({ width, height });
  }, [width, height]);

  useEffect(() => {
    plot.current?.setData(toAligned(data));
  }, [data, startMs, endMs]);

  useEffect(() => {
    plot.current?.redraw(false, false);
  }, [playheadMs]);

  return <div ref={container} data-testid="concurrency-chart-plot" />;
}

function toAligned(data: ChartData): uPlot.AlignedData {
  return [data.x, data.account, ...data.functions.map((fn) => fn.values)];
}

/** Up to four whole-number gridlines from 0 to `max`. */
function integerSplits(max: number): number[] {
  const step = Math.max(1, niceStep(max / 3));
  const splits: number[] = [];
  for (let value = 0; value <= max; value += step) splits.push(value);
  return splits;
}

function niceStep(raw: number): number {
  if (raw <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

/** Height of a limit label in CSS pixels: its 10 px font and the 2 px above the line. */
const LABEL_HEIGHT_PX = 12;

/** Draws the limit lines with their labels, side by side where lines are close, and the playhead. */
function drawOverlay(u: uPlot, data: ChartData, playheadMs: number): void {
  const { ctx } = u;
  const { left, top, width, height } = u.bbox;
  const ratio = devicePixelRatio || 1;
  ctx.save();
  ctx.font = `${10 * ratio}px ui-sans-serif, system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  const yMax = u.scales.y!.max ?? 1;
  const visibleLimits = data.limits
    .filter((limit) => limit.value <= yMax)
    .map((limit) => ({ limit, y: Math.round(u.valToPos(limit.value, 'y', true)) + 0.5, width: ctx.measureText(limit.label).width }));
  const labelRights = placeLimitLabels(visibleLimits, left + width - 4 * ratio, LABEL_HEIGHT_PX * ratio, 8 * ratio);
  ctx.lineWidth = ratio;
  for (const { limit, y } of visibleLimits) {
    ctx.strokeStyle = LIMIT_COLORS[limit.kind];
    ctx.setLineDash(limit.kind === 'provisioned' ? [2 * ratio, 3 * ratio] : [6 * ratio, 4 * ratio]);
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.textAlign = 'right';
  // A backing keeps a label readable where another limit's line runs through it.
  visibleLimits.forEach(({ limit, y, width: labelWidth }, index) => {
    const right = labelRights[index]!;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
    ctx.fillRect(right - labelWidth - ratio, y - (LABEL_HEIGHT_PX - 1) * ratio, labelWidth + 2 * ratio, (LABEL_HEIGHT_PX - 2) * ratio);
    ctx.fillStyle = LIMIT_COLORS[limit.kind];
    ctx.fillText(limit.label, right, y - 2 * ratio);
  });
  const x = u.valToPos(playheadMs / 1000, 'x', true);
  if (x >= left && x <= left + width) {
    ctx.strokeStyle = '#dc4c1e';
    ctx.lineWidth = 1.5 * ratio;
    ctx.beginPath();
    ctx.moveTo(Math.round(x) + 0.5, top);
    ctx.lineTo(Math.round(x) + 0.5, top + height);
    ctx.stroke();
  }
  ctx.restore();
}
