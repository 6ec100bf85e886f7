import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, DoughnutController, ArcElement, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip);

const COLORS = ['#0b6e4f', '#2f80ed', '#f2994a', '#9b51e0', '#eb5757', '#27ae60', '#56ccf2', '#bb6bd9', '#828282'];

/**
 * One chart.js chart on a canvas: kind 'bar' | 'hbar' | 'doughnut', series [{label, value}]. Recreated when
 * the data changes; animations off so what is drawn is final at once (and tests see it).
 */
export function KpiChart({ id, kind, series, label, max }) {
  const canvas = useRef(null);
  useEffect(() => {
    const doughnut = kind === 'doughnut';
    const chart = new Chart(canvas.current, {
      type: doughnut ? 'doughnut' : 'bar',
      data: {
        labels: series.map((s) => s.label),
        datasets: [{
          label,
          data: series.map((s) => s.value),
          backgroundColor: doughnut ? series.map((_, i) => COLORS[i % COLORS.length]) : COLORS[0],
        }],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: kind === 'hbar' ? 'y' : 'x',
        plugins: { legend: { display: doughnut } },
        scales: doughnut ? {} : { [kind === 'hbar' ? 'x' : 'y']: { beginAtZero: true, max } },
      },
    });
    canvas.current.dataset.points = String(series.filter((s) => s.value != null).length);
    return () => chart.destroy();
  }, [kind, label, max, JSON.stringify(series)]);
  return (
    <div className="kpi-chart">
      <canvas id={id} ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
