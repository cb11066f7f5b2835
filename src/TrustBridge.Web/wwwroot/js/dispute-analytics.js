// Draws the dispute analytics charts from the JSON the page embeds; the tables under each chart carry the same numbers.
(function () {
    if (!window.echarts) return;
    var el = document.getElementById('dispute-analytics-data');
    if (!el) return;
    var d = JSON.parse(el.textContent);
    function init(id) {
        var node = document.getElementById(id);
        if (!node) return null;
        var chart = echarts.init(node, null, { renderer: 'svg' });
        window.addEventListener('resize', function () { chart.resize(); });
        return chart;
    }
    var year = init('year-chart');
    if (year) {
        year.setOption({ animation: false, legend: { top: 0 }, tooltip: { trigger: 'axis' },
            grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
            xAxis: { type: 'category', data: d.years },
            yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value' }],
            series: [
                { name: d.labels.count, type: 'bar', data: d.counts, itemStyle: { color: '#0d6efd' }, barMaxWidth: 40 },
                { name: d.labels.average, type: 'line', yAxisIndex: 1, data: d.averages, itemStyle: { color: '#dc3545' } }
            ] });
    }
    var dept = init('department-chart');
    if (dept) {
        var rows = d.departments.slice().reverse();
        dept.setOption({ animation: false, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 8, right: 24, bottom: 8, top: 8, containLabel: true },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', data: rows.map(function (r) { return r.name; }) },
            series: [{ name: d.labels.count, type: 'bar', data: rows.map(function (r) { return r.n; }), itemStyle: { color: '#6f42c1' }, barMaxWidth: 22 }] });
    }
})();
