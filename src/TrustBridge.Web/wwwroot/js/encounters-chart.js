// Draws the dashboard's stacked bar chart from the JSON the page embeds; the table below stays for everyone else.
(function () {
    var el = document.getElementById('encounters-chart');
    var data = document.getElementById('encounters-data');
    if (!el || !data || !window.echarts) return;
    var d = JSON.parse(data.textContent);
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
        xAxis: { type: 'category', data: d.months, axisLabel: { hideOverlap: true } },
        yAxis: { type: 'value', minInterval: 1 },
        series: d.series.map(function (s) { return { name: s.name, type: 'bar', stack: 'total', data: s.data, emphasis: { focus: 'series' } }; })
    });
    var table = document.getElementById('encounters-table');
    if (table) table.open = false; // the chart shows it; the table stays one click away
    window.addEventListener('resize', function () { chart.resize(); });
})();
