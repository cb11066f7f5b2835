using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace TrustBridge.Web.Features.Paging;

/// <summary>
/// Issue 8, defect 1: every staff list pages with <c>?page=N</c>, but Razor Pages put the page's own path in the route
/// value <c>page</c> ("/Staff/Feedback/Index"), and route values are read before the query string. So a bound
/// <c>page</c> number never saw the query: it failed to convert the path and stayed empty, and every list showed page 1.
/// This value provider answers <c>page</c> from the query string alone (empty when absent), ahead of the route values,
/// for every page and handler parameter at once.
/// </summary>
public static class PagingFeature
{
    public const string QueryKey = "page";

    public static IServiceCollection AddPageNumberBinding(this IServiceCollection services) =>
        services.Configure<MvcOptions>(o => o.ValueProviderFactories.Insert(0, new PageNumberValueProviderFactory()));

    private sealed class PageNumberValueProviderFactory : IValueProviderFactory
    {
        public Task CreateValueProviderAsync(ValueProviderFactoryContext context)
        {
            var request = context.ActionContext.HttpContext.Request;
            context.ValueProviders.Insert(0, new PageNumberValueProvider(request.Query[QueryKey]));
            return Task.CompletedTask;
        }
    }

    private sealed class PageNumberValueProvider(StringValues value) : IValueProvider
    {
        public bool ContainsPrefix(string prefix) => string.Equals(prefix, QueryKey, StringComparison.OrdinalIgnoreCase);

        // An absent page is an empty value (bound as null, page 1), never the route's page path.
        public ValueProviderResult GetValue(string key) => string.Equals(key, QueryKey, StringComparison.OrdinalIgnoreCase)
            ? new ValueProviderResult(StringValues.IsNullOrEmpty(value) ? new StringValues("") : value, CultureInfo.InvariantCulture)
            : ValueProviderResult.None;
    }
}
