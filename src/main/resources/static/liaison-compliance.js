// Draws the liaison compliance chart from the data-chart attribute (CSP: no inline scripts).
(function () {
  function draw() {
    var el = document.getElementById('liaison-chart');
    if (!el || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(el.getAttribute('data-chart') || '{}');
    if (!data.labels || data.labels.length === 0) {
      el.hidden = true;
      return;
    }
    // one bar per liaison, so the chart grows with the committee and stays readable on a phone
    el.style.height = Math.max(200, data.labels.length * 26 + 60) + 'px';
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [data.rateName, data.behindName], top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', minInterval: 1, show: false }
      ],
      yAxis: { type: 'category', data: data.labels, inverse: true },
      series: [
        { name: data.rateName, type: 'bar', data: data.rates, itemStyle: { color: '#2e7d32' },
          label: { show: true, position: 'right', formatter: '{c}%' } },
        { name: data.behindName, type: 'bar', xAxisIndex: 1, data: data.behind, itemStyle: { color: '#b71c1c' } }
      ]
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
