// Draws the liaison compliance chart from the data-chart attribute (CSP: no inline scripts):
// one stacked bar per liaison, pairs done and pairs behind, the completion rate in the tooltip.
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
    // the chart grows with the number of liaisons, so that it stays readable on a phone
    el.style.height = Math.max(160, data.labels.length * 28 + 70) + 'px';
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: function (items) {
          var i = items[0].dataIndex;
          return data.labels[i] + '<br>' + data.doneName + ': ' + data.done[i] + '<br>' + data.behindName + ': '
            + data.behind[i] + '<br>' + data.rateName + ': ' + data.rates[i] + '%';
        }
      },
      legend: { data: [data.doneName, data.behindName], top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: data.labels, inverse: true },
      series: [
        { name: data.doneName, type: 'bar', stack: 'pairs', data: data.done, itemStyle: { color: '#2e7d32' } },
        { name: data.behindName, type: 'bar', stack: 'pairs', data: data.behind, itemStyle: { color: '#b71c1c' } }
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
