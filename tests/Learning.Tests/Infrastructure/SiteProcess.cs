using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Learning.Tests.Infrastructure;

/// <summary>
/// The site as a real process (the built Learning.Web.dll, in Production mode, on 127.0.0.1 and a free port), as a
/// partner would run one node of an installation: what it prints is kept, and it can be stopped or killed.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private SiteProcess(string name, IReadOnlyDictionary<string, string?> settings)
    {
        Name = name;
        Port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { WebDll, "--urls", Address, "--contentRoot", Path.Combine(Repository.Root, "src", "Learning.Web") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_USE_POLLING_FILE_WATCHER"] = "1";
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Port { get; }

    public string Address => $"http://127.0.0.1:{Port}";

    public bool HasExited => process.HasExited;

    /// <summary>The process's id, which its Hangfire server's name ends with (machine:pid).</summary>
    public int ProcessId => process.Id;

    /// <summary>Every line the process printed so far (console and logs).</summary>
    public IReadOnlyList<string> Output => output.ToList();

    /// <summary>Starts a node and waits until it answers /health: three minutes at most, for a first start sets the site
    /// up, and on a machine busy with other tests that once took more than a minute.</summary>
    public static async Task<SiteProcess> StartAsync(string name, IReadOnlyDictionary<string, string?> settings)
    {
        var site = new SiteProcess(name, settings);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !site.HasExited)
        {
            try
            {
                if ((await client.GetAsync(site.Address + "/health")).StatusCode == HttpStatusCode.OK)
                {
                    return site;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await site.DisposeAsync();
        throw new InvalidOperationException($"Node {name} did not start:\n{string.Join('\n', site.Output.TakeLast(60))}");
    }

    /// <summary>A client for this node, sharing <paramref name="cookies"/> with others (a load balancer's visitor).</summary>
    public HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(Address) };

    /// <summary>Kills the node at once, as a machine that dies would stop: no shutdown, no job finished.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.CompletedTask;
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The host's own build, beside this test project's (same configuration): bin/<Configuration>/net10.0.
    private static string WebDll
    {
        get
        {
            var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var dll = Path.Combine(Repository.Root, "src", "Learning.Web", "bin", tests.Parent!.Name, tests.Name, "Learning.Web.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first (dotnet test Learning.sln does).", dll);
        }
    }
}
