// Draws every [data-chart] element with Apache ECharts; the option is built by the server.
document.addEventListener('DOMContentLoaded', () => {
  const charts = [];
  document.querySelectorAll('[data-chart]').forEach((el) => {
    if (!window.echarts || !el.dataset.chart) return;
    const chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(JSON.parse(el.dataset.chart));
    charts.push(chart);
  });
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
  // what-if sliders show their value and redraw the projection when let go
  document.querySelectorAll('form.whatif input[type=range]').forEach((input) => {
    const output = input.form.querySelector(`output[for="${input.id}"]`);
    input.addEventListener('input', () => { if (output) output.textContent = input.value; });
    input.addEventListener('change', () => input.form.requestSubmit());
  });
});
