// After htmx swaps a list in place and pushes its URL, the language switch returns to that URL (filters and page kept).
document.addEventListener('htmx:pushedIntoHistory', function () {
    document.querySelectorAll('a.lang-switch').forEach(function (a) {
        var url = new URL(a.href, location.href);
        url.searchParams.set('returnUrl', location.pathname + location.search);
        a.href = url.pathname + url.search;
    });
});
