// Draws the statistics dashboard's charts from their data-chart attributes (CSP: no inline
// scripts). Each attribute holds {kind: bar|hbar|pie, labels, series: [{name, values}], percent}.
// The same figures are in the tables below each chart, so a chart that cannot be drawn is hidden.
(function () {
  var palette = ['#b71c1c', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#546e7a'];

  function option(data) {
    var suffix = data.percent ? '%' : '';
    if (data.kind === 'pie') {
      var s = data.series[0];
      return {
        color: palette,
        tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
        legend: { bottom: 0 },
        series: [{
          name: s.name, type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
          label: { formatter: '{b}\n{c}' },
          data: data.labels.map(function (l, i) { return { name: l, value: s.values[i] }; })
        }]
      };
    }
    var horizontal = data.kind === 'hbar';
    var category = { type: 'category', data: data.labels, axisLabel: { interval: 0, width: 110, overflow: 'truncate' } };
    var value = { type: 'value', minInterval: data.percent ? 0 : 1, max: data.percent ? 100 : null,
      axisLabel: { formatter: '{value}' + suffix } };
    if (!horizontal) {
      category.axisLabel.rotate = data.labels.length > 4 ? 35 : 0;
    } else {
      category.inverse = true;
    }
    return {
      color: palette,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return v + suffix; } },
      legend: data.series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 8, right: 24, top: data.series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: data.series.map(function (s) {
        return { name: s.name, type: 'bar', data: s.values, label: { show: true, position: horizontal ? 'right' : 'top',
          formatter: '{c}' + suffix } };
      })
    };
  }

  function draw() {
    if (typeof echarts === 'undefined') {
      return;
    }
    var charts = [];
    document.querySelectorAll('.stats-chart[data-chart]').forEach(function (el) {
      var data = JSON.parse(el.getAttribute('data-chart') || '{}');
      var empty = !data.labels || data.labels.length === 0 || data.series.every(function (s) {
        return s.values.every(function (v) { return !v; });
      });
      if (empty) {
        el.closest('section').hidden = true;
        return;
      }
      if (data.kind === 'hbar') {
        // grows with the number of bars, so that every label stays readable on a phone
        el.style.height = Math.max(200, data.labels.length * 28 + 60) + 'px';
      } else {
        el.style.height = '280px';
      }
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(Object.assign({ animation: false }, option(data)));
      el.setAttribute('data-drawn', 'true');
      charts.push(chart);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
