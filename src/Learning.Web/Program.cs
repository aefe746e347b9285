using Learning.Modules.Core;
using Learning.Web;

var builder = WebApplication.CreateBuilder(args);

// Every feature is a module; Modules.cs lists them.
builder.AddLearningModules(Modules.All);

var app = builder.Build();

// A fresh installation sets up its default tenant (and prints a one-time administrator password);
// every start brings each tenant's database up to date.
await app.SetUpTenantsAsync();

// Behind a reverse proxy, the client's address, scheme and host from configured proxies only; unknown hosts get 400.
app.UseProxiesAndKnownHosts();

// Errors are shown as localized pages; unexpected ones never show their details.
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error/500");
    app.UseHsts();
}

app.UseSecurityHeaders();

// Tenant (host name or first path segment), static files, the signed-in person, then the culture.
app.UseTenantsAndCultures();
app.UseStatusCodePagesWithReExecute("/error/{0}");

app.UseRouting();
app.UseRateLimiter();
app.UseAuthorization();
app.UseLearningModules(); // the modules' middleware, such as Content's read counting, which sees cached pages too
app.UseOutputCache(); // anonymous readers' pages, evicted when content is published
app.UseSharedPageCompression(); // Brotli or gzip for those shared pages only (no secret in them), stored compressed

// Razor Pages of the listed modules (each declares its own route), their endpoints, /health.
app.MapLearningModules();

app.Run();

// The integration tests start the application through WebApplicationFactory<Program>.
public partial class Program;
