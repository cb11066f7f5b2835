// Draws the feedback analytics charts from the JSON the page embeds (monthly stacked bars by type, categories, the
// departments with most cases). Without JavaScript the tables under each chart carry the same numbers.
(function () {
    if (!window.echarts) return;
    var el = document.getElementById('analytics-data');
    if (!el) return;
    var d = JSON.parse(el.textContent);
    function init(id) {
        var node = document.getElementById(id);
        if (!node) return null;
        var chart = echarts.init(node, null, { renderer: 'svg' });
        window.addEventListener('resize', function () { chart.resize(); });
        return chart;
    }
    var colours = ['#dc3545', '#0d6efd', '#198754', '#6f42c1'];

    var month = init('month-chart');
    if (month) {
        month.setOption({ animation: false, // drawn at once: no half-drawn chart in a print or screenshot
            color: colours,
            grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
            legend: { top: 0 },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            xAxis: { type: 'category', data: d.months, axisLabel: { hideOverlap: true } },
            yAxis: { type: 'value', minInterval: 1 },
            series: d.types.map(function (t) { return { name: t.name, type: 'bar', stack: 'cases', data: t.values, barMaxWidth: 36 }; })
        });
    }

    var category = init('category-chart');
    if (category) {
        var cats = d.categories.slice().reverse();
        category.setOption({ animation: false,
            grid: { left: 8, right: 24, bottom: 8, top: 8, containLabel: true },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', data: cats.map(function (c) { return c.name; }) },
            series: [{ name: d.labels.cases, type: 'bar', data: cats.map(function (c) { return c.n; }), itemStyle: { color: '#0d6efd' }, barMaxWidth: 22 }]
        });
    }

    var department = init('department-chart');
    if (department) {
        var deps = d.departments.slice().reverse();
        department.setOption({ animation: false,
            legend: { top: 0 },
            grid: { left: 8, right: 24, bottom: 8, top: 32, containLabel: true },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', data: deps.map(function (x) { return x.name; }), axisLabel: { interval: 0 } },
            series: [
                { name: d.labels.cases, type: 'bar', data: deps.map(function (x) { return x.n; }), itemStyle: { color: '#6c757d' }, barGap: '-100%', barMaxWidth: 16 },
                { name: d.labels.complaints, type: 'bar', data: deps.map(function (x) { return x.complaints; }), itemStyle: { color: '#dc3545' }, barMaxWidth: 16 }
            ]
        });
    }
})();
