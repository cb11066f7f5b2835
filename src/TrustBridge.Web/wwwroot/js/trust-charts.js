// Draws the trust pages' charts from the JSON each page embeds (funnel plot, monthly trend, XmR chart, dimension heat
// map). Without JavaScript the tables under each chart carry the same numbers.
(function () {
    if (!window.echarts) return;
    function data(id) { var el = document.getElementById(id); return el ? JSON.parse(el.textContent) : null; }
    function init(id) {
        var el = document.getElementById(id);
        if (!el) return null;
        var chart = echarts.init(el, null, { renderer: 'svg' });
        window.addEventListener('resize', function () { chart.resize(); });
        return chart;
    }
    function pct(v) { return (v * 100).toFixed(1) + '%'; }
    function line(name, xs, ys, style) {
        return { name: name, type: 'line', showSymbol: false, silent: true, lineStyle: style, itemStyle: { color: style.color },
            data: xs.map(function (x, i) { return [x, ys[i]]; }) };
    }

    var f = data('funnel-data');
    var funnel = f && f.curves && init('funnel-chart');
    if (funnel) {
        var c = f.curves, l = f.labels;
        var dashed = { type: 'dashed', width: 1, color: '#6c757d' }, solid = { type: 'solid', width: 1.5, color: '#495057' };
        funnel.setOption({ animation: false, // drawn at once: no half-drawn chart in a print or screenshot
            grid: { left: 8, right: 16, bottom: 56, top: 32, containLabel: true },
            legend: { bottom: 0, data: [l.target, l.l95, l.l998] },
            tooltip: { trigger: 'item', formatter: function (p) {
                if (!p.data || !p.data.code) return '';
                return p.data.name + ' (' + p.data.code + ')<br>n = ' + p.data.value[0] + '<br>' + l.rate + ' ' + pct(p.data.value[1]) + '<br>' + p.data.flagLabel;
            } },
            xAxis: { type: 'value', name: l.n, nameLocation: 'middle', nameGap: 26, min: 0 },
            yAxis: { type: 'value', name: l.rate, min: function (v) { return Math.max(0, Math.floor(v.min * 10) / 10); }, max: 1,
                axisLabel: { formatter: function (v) { return Math.round(v * 100) + '%'; } } },
            series: [
                line(l.target, [c.n[0], c.n[c.n.length - 1]], [c.target, c.target], { type: 'solid', width: 1, color: '#0d6efd' }),
                line(l.l95, c.n, c.lower95, dashed), line(l.l95, c.n, c.upper95, dashed),
                line(l.l998, c.n, c.lower998, solid), line(l.l998, c.n, c.upper998, solid),
                // Every dot names its unit (flagged ones always; the others where there is room) and tells n and the rate on hover.
                { type: 'scatter', symbolSize: 10, z: 5, labelLayout: { hideOverlap: true }, data: f.points.map(function (p) {
                    var flagged = p.flag && p.flag !== 'within';
                    // Dots in the right part of the plot are labelled on their left, so no label runs off a phone's screen.
                    var right = p.n > 0.6 * c.n[c.n.length - 1];
                    return { value: [p.n, p.rate], code: p.code, name: p.name, flagLabel: p.label, itemStyle: { color: p.colour, borderColor: '#fff' },
                        z: flagged ? 6 : 5,
                        label: { show: true, position: right ? 'left' : 'right', fontSize: flagged ? 11 : 9, fontWeight: flagged ? 'bold' : 'normal', color: flagged ? p.colour : '#6c757d',
                            formatter: function () { return p.name + (flagged ? ' ' + p.label : ''); } } };
                }) }
            ]
        });
    }

    var t = data('trend-data');
    var trend = t && t.months.length && init('trend-chart');
    if (trend) {
        trend.setOption({ animation: false, // drawn at once: no half-drawn chart in a print or screenshot
            grid: { left: 8, right: 16, bottom: 8, top: 24, containLabel: true },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: t.months, axisLabel: { hideOverlap: true } },
            yAxis: { type: 'value', min: function (v) { return Math.max(0, Math.floor(v.min / 10) * 10 - 10); }, max: 100 },
            series: [{ name: t.name, type: 'line', data: t.values, symbolSize: 7, showSymbol: true, showAllSymbol: true }]
        });
    }

    var x = data('xmr-data');
    var xmr = x && x.months.length > 1 && init('xmr-chart');
    if (xmr) {
        var flat = function (v) { return x.months.map(function () { return v; }); };
        xmr.setOption({ animation: false, // drawn at once: no half-drawn chart in a print or screenshot
            grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
            legend: { top: 0 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: x.months, axisLabel: { hideOverlap: true } },
            yAxis: { type: 'value', scale: true, min: function (v) { return Math.max(0, Math.floor(Math.min(v.min, x.lower) - 2)); }, max: function (v) { return Math.min(100, Math.ceil(Math.max(v.max, x.upper) + 2)); } },
            series: [
                { name: x.labels.value, type: 'line', symbolSize: 8, z: 5, showAllSymbol: true, data: x.values.map(function (v, i) {
                    return x.signals[i] ? { value: v, symbol: 'diamond', symbolSize: 14, itemStyle: { color: '#dc3545' } } : v;
                }) },
                { name: x.labels.centre, type: 'line', showSymbol: false, data: flat(x.centre), lineStyle: { color: '#0d6efd', width: 1 }, itemStyle: { color: '#0d6efd' } },
                { name: x.labels.limits, type: 'line', showSymbol: false, data: flat(x.upper), lineStyle: { type: 'dashed', color: '#6c757d' }, itemStyle: { color: '#6c757d' } },
                { name: x.labels.limits, type: 'line', showSymbol: false, data: flat(x.lower), lineStyle: { type: 'dashed', color: '#6c757d' }, itemStyle: { color: '#6c757d' } }
            ]
        });
    }

    var h = data('heatmap-data');
    var heat = h && h.cells.length && init('heatmap-chart');
    if (heat) {
        heat.setOption({ animation: false, // drawn at once: no half-drawn chart in a print or screenshot
            grid: { left: 8, right: 16, bottom: 56, top: 8, containLabel: true },
            tooltip: { formatter: function (p) { return h.dimensions[p.value[1]] + ' · ' + h.months[p.value[0]] + ': ' + p.value[2] + ' (n = ' + p.data.n + ')'; } },
            xAxis: { type: 'category', data: h.months, splitArea: { show: true } },
            yAxis: { type: 'category', data: h.dimensions, inverse: true, splitArea: { show: true } }, // first dimension on top, as in the table
            visualMap: { min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#dc3545', '#ffc107', '#198754'] } },
            series: [{ type: 'heatmap', label: { show: true }, data: h.cells.map(function (c) { return { value: [c.x, c.y, c.score], n: c.n }; }) }]
        });
    }

    // The charts show the numbers; the tables stay one click away.
    document.querySelectorAll('details.chart-table').forEach(function (d) { d.open = false; });
})();
