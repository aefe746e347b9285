using System.Xml.Linq;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;

namespace Learning.Modules.Core.Security;

/// <summary>
/// The data-protection key ring (the keys that sign and encrypt cookies and anti-forgery tokens) in the default tenant's
/// database, so that every node of the installation reads the same ring: a person signed in through one node is signed
/// in on all. Each key arrives here already encrypted with the certificate of <see cref="KeyRingCertificate"/>, which
/// every node must be given (<c>Learning:DataProtection:CertificatePath</c>).
/// </summary>
public sealed class DatabaseKeyRing(TenantRegistry registry, TenantDatabases databases, DataPaths paths, ILoggerFactory logs) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = databases.Open(registry.DefaultFromSettings());
        var stored = db.DataProtectionKeys.Select(k => k.Xml).ToList();
        if (stored.Count == 0 && Directory.Exists(paths.DataProtectionKeys))
        {
            // Keys an older installation kept in App_Data/keys, imported once: its cookies stay valid.
            foreach (var key in new FileSystemXmlRepository(new DirectoryInfo(paths.DataProtectionKeys), logs).GetAllElements())
            {
                db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = (string?)key.Attribute("id"), Xml = key.ToString(SaveOptions.DisableFormatting) });
            }

            db.SaveChanges();
            stored = db.DataProtectionKeys.Select(k => k.Xml).ToList();
        }

        return stored.Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = databases.Open(registry.DefaultFromSettings());
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
