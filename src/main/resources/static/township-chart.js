// Draws each township's weighted score across years from the data-chart attribute (CSP: no inline scripts).
(function () {
  function draw() {
    var el = document.getElementById('township-chart');
    if (!el || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(el.getAttribute('data-chart') || '{}');
    if (!data.years || data.years.length === 0) {
      el.hidden = true;
      return;
    }
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.years.map(String) },
      yAxis: { type: 'value' },
      series: data.series.map(function (s) {
        return { name: s.name, type: 'line', connectNulls: false, data: s.weighted };
      })
    });
    el.setAttribute('data-drawn', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
