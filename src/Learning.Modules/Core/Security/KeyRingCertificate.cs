using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Learning.Modules.Core.Security;

/// <summary>
/// The certificate that encrypts the data-protection keys at rest (the keys sign and encrypt cookies and
/// anti-forgery tokens). Configured with <c>Learning:DataProtection:CertificatePath</c> (a PKCS#12 file) and
/// <c>CertificatePassword</c>; without them, a self-signed certificate is made once into the data folder
/// (<c>data-protection.pfx</c>, readable by its owner only). That default keeps the key ring (in the default
/// tenant's database, <see cref="DatabaseKeyRing"/>) useless to whoever gets the database alone (a backup, a dump),
/// not to whoever also reads the data folder of an SQLite installation: for that, keep a configured certificate apart
/// from the data (a secret mount). Several nodes must all be given the same configured certificate.
/// Loaded while services are registered, because data protection takes the certificate itself.
/// </summary>
public static class KeyRingCertificate
{
    public const string FileName = "data-protection.pfx";

    public static X509Certificate2 Load(IConfiguration configuration)
    {
        var settings = configuration.GetSection($"{LearningOptions.Section}:{nameof(LearningOptions.DataProtection)}").Get<DataProtectionSettings>() ?? new();
        if (!string.IsNullOrEmpty(settings.CertificatePath))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath, settings.CertificatePassword);
        }

        // Where DataPaths puts the data, resolved the same way (the content root, then the data path).
        var dataPath = configuration[$"{LearningOptions.Section}:{nameof(LearningOptions.DataPath)}"] ?? new LearningOptions().DataPath;
        var path = Path.GetFullPath(Path.Combine(configuration[HostDefaults.ContentRootKey] ?? Directory.GetCurrentDirectory(), dataPath, FileName));
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Learning data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
            var temporary = $"{path}.{Guid.NewGuid():n}.tmp";
            File.WriteAllBytes(temporary, made.Export(X509ContentType.Pkcs12));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary); // another process made it first: use theirs
            }
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, null);
    }
}
