using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Learning.Modules.Core.Localization;

/// <summary>
/// The .resx localizers, with each culture's strings kept once read. .NET's ResourceManager takes a lock that every
/// thread shares on each look-up; with a few dozen strings a page, it was a fifth of the course page's lock waits in
/// bench/profile.sh. Only strings found are kept, so the memory is bounded by the .resx files, whatever names a
/// request makes the code look up.
/// </summary>
public sealed class KeptStringLocalizerFactory(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<(Type? Source, string? BaseName, string? Location), IStringLocalizer> localizers = new();

    public IStringLocalizer Create(Type resourceSource) =>
        localizers.GetOrAdd((resourceSource, null, null), key => new KeptStringLocalizer(resources.Create(key.Source!)));

    public IStringLocalizer Create(string baseName, string location) =>
        localizers.GetOrAdd((null, baseName, location), key => new KeptStringLocalizer(resources.Create(key.BaseName!, key.Location!)));
}

/// <summary>One resource set's strings, kept per culture (see <see cref="KeptStringLocalizerFactory"/>).</summary>
public sealed class KeptStringLocalizer(IStringLocalizer resources) : IStringLocalizer
{
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> found = new();

    public LocalizedString this[string name]
    {
        get
        {
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (found.TryGetValue(key, out var kept))
            {
                return kept;
            }

            var read = resources[name];
            if (!read.ResourceNotFound)
            {
                found.TryAdd(key, read);
            }

            return read;
        }
    }

    // As ResourceManagerStringLocalizer formats: the current culture's numbers and dates.
    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resources.GetAllStrings(includeParentCultures);
}
